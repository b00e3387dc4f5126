"""Generate a valid llmkg dataset of N records, for measuring speed and memory at scale.

    python scripts/synthetic_data.py 100000 /tmp/synthetic-100k

The records are made up but follow every rule of the schema and the checks: organizations,
concepts that evolve from one another, papers, and models in families whose members succeed one
another (lineage chains of up to 12 generations, dated in order) and are sometimes fine-tuned
from another family's model. Files hold at most 5,000 records each.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

PER_FILE = 5_000  # a file holds at most 1,000,000 values (yamlread.MAX_VALUES)


def records(count: int, seed: int = 2026) -> list[str]:
    """`count` records as YAML list items, organizations and concepts first."""
    rng = random.Random(seed)
    organizations = max(1, count // 100)
    concepts = max(2, count // 50)
    papers = max(1, count // 20)
    models = max(1, count - organizations - concepts - papers)
    out: list[str] = []
    for i in range(organizations):
        out.append(f"- id: org-{i}\n  kind: organization\n  name: Synthetic Lab {i}\n")
    for i in range(concepts):
        parent = (
            f"\n  relations:\n    - {{relation: evolved_from, target: concept-{i - 1}, evidence: inferred}}"
        )
        out.append(
            f"- id: concept-{i}\n  kind: concept\n  name: Synthetic Concept {i}\n"
            f"  names: {{ko: 합성 개념 {i}}}\n"
            f"  summary: {{en: A generated architecture idea number {i}., ko: 생성된 개념 {i}이다.}}\n"
            f"  sources: [https://example.org/concept/{i}]" + (parent if i else "") + "\n"
        )
    for i in range(papers):
        out.append(
            f"- id: paper-{i}\n  kind: paper\n  name: Synthetic Paper {i}\n"
            f'  date: "{2000 + i % 25}-{1 + i % 12:02d}"\n  organizations: [org-{i % organizations}]\n'
            f"  summary: {{en: A generated paper about scaling number {i}.}}\n"
            f"  sources: [https://example.org/paper/{i}]\n"
        )
    family_size = 12
    for i in range(models):
        family, generation = divmod(i, family_size)
        year = 2005 + generation
        relations = []
        if generation:
            relations.append(f"{{relation: successor_of, target: model-{i - 1}, evidence: stated, "
                             f"sources: ['https://example.org/model/{i}']}}")  # fmt: skip
        if family and generation > 1 and rng.random() < 0.2:
            base = (family - 1) * family_size + rng.randrange(generation - 1)
            relations.append(f"{{relation: fine_tuned_from, target: model-{base}, evidence: inferred}}")
        relation_text = "".join(f"\n    - {r}" for r in relations)
        out.append(
            f"- id: model-{i}\n  kind: model\n  name: Synthetic Model {i}\n"
            f"  aliases: [SM-{i}]\n"
            f"  summary: {{en: A generated transformer language model of family {family}.}}\n"
            f'  date: "{year}-{1 + family % 12:02d}-{1 + i % 28:02d}"\n'
            f"  organizations: [org-{family % organizations}]\n"
            f"  parameters: {1 + i % 70}B\n  parameters_status: disclosed\n"
            f"  architecture: concept-{family % concepts}\n"
            f"  openness: {rng.choice(['closed', 'open-weights', 'open-source'])}\n"
            f"  notability: {rng.choice(['landmark', 'major', 'minor', 'minor', 'minor'])}\n"
            f"  training_compute: {{value: {rng.uniform(1, 9):.2f}e{20 + generation}, status: estimated, "
            f"estimated_by: Epoch AI, source: https://epoch.ai/data/ai-models}}\n"
            f"  sources: [https://example.org/model/{i}]"
            + (f"\n  relations:{relation_text}" if relations else "")
            + "\n"
        )
    return out


def write(directory: Path, count: int) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    items = records(count)
    paths = []
    for start in range(0, len(items), PER_FILE):
        path = directory / f"part-{start // PER_FILE:03d}.yaml"
        path.write_text("\n".join(items[start : start + PER_FILE]), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("count", type=int, help="how many records")
    parser.add_argument("directory", type=Path, help="where to write the .yaml files")
    args = parser.parse_args()
    paths = write(args.directory, args.count)
    print(f"wrote {args.count} records in {len(paths)} files to {args.directory}")


if __name__ == "__main__":
    main()
