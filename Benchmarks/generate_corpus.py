#!/usr/bin/env python3
"""Writes a synthetic program of N realistic pages (about 8 KB each: headings, lists, tables,
links between pages) for the benchmark, in Handbook's layout and, with --hugo, in Hugo's.

Usage: generate_corpus.py PAGES OUT_DIR [--hugo HUGO_DIR] [--concatenated FILE]
"""
import argparse
import os
import random
import shutil

WORDS = ("group session counselor recovery plan week client craving trigger support family skill "
         "stress sleep relapse meeting schedule rule safety privacy record phone call attendance "
         "program treatment goal progress change habit routine friend home work school health").split()

PROGRAM = """name: Benchmark Program
edition: "Edition 1"
edition_date: 2026-01-05
time_zone: America/Chicago
address: |
  1 Test Street
phone: 555-0100
crisis_lines:
  - name: 988 Suicide & Crisis Lifeline
    number: "988"
  - name: Emergency services
    number: "911"
"""


def sentence(rng, words=12):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng, sentences=5):
    return " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(sentences))


def page(rng, index, count):
    parts = []
    for section in range(6):
        parts.append(f"## Section {section + 1} of page {index}\n")
        parts.append(paragraph(rng) + "\n")
        target = rng.randrange(count)
        parts.append(f"See [page {target}](page-{target:05d}.md#section-1-of-page-{target}) and **remember** this.\n")
        parts.append("\n".join(f"- {sentence(rng, 6)}" for _ in range(4)) + "\n")
        if section % 2 == 0:
            parts.append("| Day | Time | Session |\n|---|---|---|\n" +
                         "\n".join(f"| {d} | {9 + i}:00 AM | {sentence(rng, 3)} |" for i, d in enumerate(["Monday", "Tuesday", "Thursday"])) + "\n")
        parts.append(paragraph(rng, 4) + "\n")
    return "\n".join(parts)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("pages", type=int)
    parser.add_argument("out")
    parser.add_argument("--hugo")
    parser.add_argument("--concatenated")
    args = parser.parse_args()
    rng = random.Random(42)
    shutil.rmtree(args.out, ignore_errors=True)
    os.makedirs(os.path.join(args.out, "pages"))
    with open(os.path.join(args.out, "program.yaml"), "w") as f:
        f.write(PROGRAM)
    bodies = []
    for index in range(args.pages):
        body = page(rng, index, args.pages)
        bodies.append(body)
        with open(os.path.join(args.out, "pages", f"page-{index:05d}.md"), "w") as f:
            f.write(f"---\ntitle: Page {index}\norder: {index}\n---\n{body}")
    if args.concatenated:
        with open(args.concatenated, "w") as f:
            f.write("\n".join(bodies))
    if args.hugo:
        shutil.rmtree(args.hugo, ignore_errors=True)
        os.makedirs(os.path.join(args.hugo, "content"))
        os.makedirs(os.path.join(args.hugo, "layouts", "_default"))
        with open(os.path.join(args.hugo, "hugo.toml"), "w") as f:
            f.write('baseURL = "http://example.org/"\ntitle = "Benchmark"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
                    '[markup.goldmark.renderer]\nunsafe = false\n')
        with open(os.path.join(args.hugo, "layouts", "_default", "single.html"), "w") as f:
            f.write("<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><main><h1>{{ .Title }}</h1>"
                    "{{ .TableOfContents }}{{ .Content }}</main></body></html>\n")
        with open(os.path.join(args.hugo, "layouts", "_default", "list.html"), "w") as f:
            f.write("<!DOCTYPE html><html><body><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n")
        for index, body in enumerate(bodies):
            hugo_body = body.replace(".md#", "/#")
            with open(os.path.join(args.hugo, "content", f"page-{index:05d}.md"), "w") as f:
                f.write(f"---\ntitle: Page {index}\nweight: {index}\n---\n{hugo_body}")


if __name__ == "__main__":
    main()
