"""The words of llmkg's output in English and Korean."""

from __future__ import annotations

LANGS = ("en", "ko")

_KO = {
    "Date": "날짜",
    "Name": "이름",
    "Kind": "종류",
    "Organizations": "조직",
    "Parameters": "파라미터",
    "Notability": "중요도",
    "Depth": "단계",
    "Relation": "관계",
    "Distance": "거리",
    "Source": "출발",
    "Target": "도착",
    "Score": "점수",
    "Aliases": "별칭",
    "Summary": "요약",
    "Sources": "출처",
    "Id": "ID",
    "Field": "항목",
    "Value": "값",
    "Count": "개수",
    "Year": "연도",
    "Step": "단계",
    "Architecture": "아키텍처",
    "Openness": "공개 수준",
    "Checkpoints": "체크포인트",
    "Note": "참고",
    "Disputes": "출처 간 불일치",
    "Cross-references": "외부 식별자",
    "Relations": "관계",
    "Korean name": "한국어 이름",
    "Ancestors of": "계보(조상):",
    "Descendants of": "계보(후손):",
    "Neighbours of": "이웃:",
    "Records by kind": "종류별 레코드",
    "Records by year": "연도별 레코드",
    "Edges by relation": "관계별 간선",
    "Model coverage": "모델 데이터 충실도",
    "Newest record": "가장 최근 레코드",
    "Data through": "데이터 기준일",
    "model": "모델",
    "system": "시스템",
    "paper": "논문",
    "dataset": "데이터셋",
    "organization": "조직",
    "concept": "개념",
    "landmark": "이정표",
    "major": "주요",
    "minor": "기타",
    "closed": "비공개",
    "open-weights": "가중치 공개",
    "open-source": "오픈 소스",
    "disclosed": "공개됨",
    "estimated": "추정",
    "unknown": "비공개/미상",
    "shown above": "위에 표시됨",
    "no lineage recorded": "기록된 계보 없음",
    "{n} more with --all": "--all 옵션으로 {n}개 더 볼 수 있습니다",
    "no records": "레코드 없음",
    "no path between {a} and {b}": "{a}와(과) {b} 사이에 연결 경로가 없습니다",
}


def t(text: str, lang: str = "en", **values: object) -> str:
    """`text` in `lang` (English when there is no translation), with {names} filled in."""
    chosen = _KO.get(text, text) if lang == "ko" else text
    return chosen.format(**values) if values else chosen
