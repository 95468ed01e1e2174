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
    rows = []
    # Nouns that are also verb forms ("plays", "kill", "running"): nouns unless a word
    # such as "to" or "will" stands before them.
    for word in sorted(((verbs | gerunds) & noun_forms) | (gerunds - adjectives - adverbs)):
        if len(word) >= 2:
            rows.append(f"{word}\tb")
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
        "# a verb form ('plays', 'running').\n"
        "# Derived from WordNet 3.0 (Princeton University); see data/lang/README.md.\n"
    )
    OUT.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} rows -> {OUT}")


if __name__ == "__main__":
    main()
