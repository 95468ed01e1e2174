"""Builds data/lang/en/word_classes.txt from WordNet 3.0 (Debian package `wordnet-base`).

Keeps only the English word forms that can NOT be nouns, tagged `a` (can be an adjective,
so it may open a keyphrase: "neural" network), `p` (adjective or verb form: "distributed",
"raised"; read from context) or `v` (verb or adverb only: "quickly"), and the nouns that
are also verb forms as `b` ("plays", "running": verbs after "to", "will", "is"...), because a keyphrase is read as modifiers ending in a noun. Words absent from
the table (nouns, names, unknown terms) may end a keyphrase. Gerunds (-ing) are left out on
purpose: "image processing", "data mining" end in them. Run: python data/lang/tools/build_word_classes.py
"""

import re
import sys
from pathlib import Path

WORDNET = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet")
OUT = Path(__file__).resolve().parents[1] / "en" / "word_classes.txt"
SIMPLE = re.compile(r"^[a-z][a-z'-]*$")


def lemmas(pos):
    out = set()
    for line in (WORDNET / f"index.{pos}").open(encoding="latin-1"):
        if not line.startswith(" "):
            word = line.split(" ", 1)[0]
            if SIMPLE.match(word):
                out.add(word)
    return out


def exceptions(pos):
    out = set()
    for line in (WORDNET / f"{pos}.exc").open(encoding="latin-1"):
        word = line.split(" ", 1)[0]
        if SIMPLE.match(word):
            out.add(word)
    return out


def plural(noun):
    if re.search(r"(s|x|z|ch|sh)$", noun):
        return noun + "es"
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    return noun + "s"


def verb_forms(verb):
    """Third person, past and participle; -ing is left out (see the module note)."""
    forms = {plural(verb)}
    if verb.endswith("e"):
        forms.add(verb + "d")
    elif re.search(r"[^aeiou]y$", verb):
        forms.add(verb[:-1] + "ied")
    else:
        forms.add(verb + "ed")
        if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", verb):
            forms.add(verb + verb[-1] + "ed")
    return forms


def sense_counts():
    """Tagged uses of each lemma as a noun and as a verb in SemCor (WordNet's cntlist)."""
    nouns, verbs = {}, {}
    for line in (WORDNET / "cntlist.rev").open(encoding="latin-1"):
        key, _, count = line.split()
        lemma, rest = key.split("%", 1)
        table = {"1": nouns, "2": verbs}.get(rest[:1])
        if table is not None:
            table[lemma] = table.get(lemma, 0) + int(count)
    return nouns, verbs


def gerund(verb):
    if verb.endswith("ie"):
        return {verb[:-2] + "ying"}
    if verb.endswith("e") and not verb.endswith("ee"):
        return {verb[:-1] + "ing"}
    forms = {verb + "ing"}
    if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", verb):
        forms.add(verb + verb[-1] + "ing")
    return forms


def main():
    nouns = lemmas("noun")
    noun_forms = nouns | {plural(n) for n in nouns} | exceptions("noun")
    adjectives = lemmas("adj") | exceptions("adj")
    verbs = set()
    for v in lemmas("verb"):
        verbs |= {v} | verb_forms(v)
    verbs |= {w for w in exceptions("verb") if not w.endswith("ing")}
    adverbs = lemmas("adv") | exceptions("adv")
    gerunds = {g for v in lemmas("verb") for g in gerund(v)}
    noun_uses, verb_uses = sense_counts()
    verb_of = {}
    for v in lemmas("verb"):
        for form in verb_forms(v) | {v}:
            verb_of.setdefault(form, v)
    for line in (WORDNET / "verb.exc").open(encoding="latin-1"):
        form, lemma = line.split()[:2]
        verb_of.setdefault(form, lemma)
    singular = {plural(n): n for n in nouns}
    rows = []
    # Nouns that are also verb forms ("plays", "kill", "running"): nouns unless a word
    # such as "to" or "will" stands before them. Those tagged far more often as verbs
    # than as nouns in SemCor ("sell", "wins") are `w`: verbs after or before a content
    # word as well.
    for word in sorted(((verbs | gerunds) & noun_forms) | (gerunds - adjectives - adverbs)):
        if len(word) < 2:
            continue
        as_noun = noun_uses.get(word, 0) + noun_uses.get(singular.get(word, ""), 0)
        as_verb = verb_uses.get(verb_of.get(word, ""), 0)
        if word in gerunds:
            # An -ing form WordNet lists as a noun ("processing", "mining") is a noun;
            # any other ("abusing", "responding") reads as a verb.
            leaning = "b" if word in noun_forms else "w"
        else:
            leaning = "w" if as_verb > 3 * as_noun else "b"
        rows.append(f"{word}\t{leaning}")
    for word in sorted((adjectives | verbs | adverbs) - noun_forms):
        if len(word) < 2:
            continue
        if word in adjectives:
            rows.append(f"{word}\t{'p' if word in verbs else 'a'}")
        else:
            rows.append(f"{word}\tv")
    header = (
        "# English word forms that cannot be nouns: a = can be an adjective, p = adjective or\n"
        "# verb form (a participle: 'distributed'), v = verb/adverb only, b = noun that is also\n"
        "# a verb form ('plays', 'running'), w = the same but mostly a verb ('sell', 'wins').\n"
        "# Derived from WordNet 3.0 (Princeton University); see data/lang/README.md.\n"
    )
    OUT.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} rows -> {OUT}")


if __name__ == "__main__":
    main()
