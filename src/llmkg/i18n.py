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
    # fields of the show card
    "Training compute": "학습 연산량",
    "Training tokens": "학습 토큰 수",
    "Context length": "컨텍스트 길이",
    "License": "라이선스",
    "Records": "레코드",
    "confident": "확실",
    "likely": "가능성 높음",
    "speculative": "추측",
    "by {who}": "추정: {who}",
    "published with no licence": "라이선스 없이 공개됨",
    "licence not determined": "라이선스 확인 안 됨",
    "tokens": "토큰",
    "{source} says {value}": "{source}에 따르면 {value}",
    # relations, as the role of the record they point to (A successor_of B: B is A's predecessor)
    "successor_of": "전작",
    "fine_tuned_from": "미세 조정 원본",
    "distilled_from": "증류 원본",
    "derived_from": "파생 원본",
    "based_on": "기반 구조",
    "evolved_from": "이전 개념",
    "developed_by": "개발 조직",
    "introduced_in": "처음 소개",
    "uses": "사용",
    "part_of": "소속",
    "is_a": "상위 개념",
    "addresses": "다루는 문제",
    "trained_on": "학습 데이터",
    "application_of": "응용 대상",
    "limitation_of": "한계 대상",
    "related_to": "관련",
    # ... and from the other end, as the role of the record the relation comes from (vocabulary.INVERSE)
    "succeeded by": "후속작",
    "fine-tuned into": "미세 조정 모델",
    "distilled into": "증류 모델",
    "derived into": "파생작",
    "basis of": "이를 기반으로 함",
    "evolved into": "발전한 개념",
    "developer of": "개발한 것",
    "introduces": "처음 소개한 것",
    "used by": "사용하는 것",
    "has part": "소속된 것",
    "has kind": "하위 개념",
    "addressed by": "다루는 것",
    "training data of": "이 데이터로 학습한 것",
    "has application": "응용",
    "has limitation": "한계",
    "related to": "관련",
    # evidence of a lineage link
    "stated": "명시",
    "reported": "보도",
    "inferred": "추정",
    # model coverage (stats)
    "models": "모델 수",
    "with_sources": "출처 있음",
    "with_parameters": "파라미터 수 있음",
    "with_lineage": "계보 있음",
    "with_korean_name": "한국어 이름 있음",
    "with_korean_summary": "한국어 요약 있음",
    "with_epoch_xref": "Epoch AI 연결 있음",
    "with_training_compute": "학습 연산량 있음",
    "with_training_tokens": "학습 토큰 수 있음",
    "with_context_length": "컨텍스트 길이 있음",
    "with_license": "라이선스 있음",
    # licences
    "Commercial use": "상업적 이용",
    "no upstream model": "상위 모델 없음",
    "llmkg licence {id} says why": "llmkg licence {id}에서 근거 확인",
    "yes": "가능",
    "no": "불가",
    "conditional": "조건부",
    "Upstream models": "상위 모델",
    "Obligations": "의무",
    "Conflicts": "충돌",
    "Required by": "요구하는 모델",
    "Text": "조항",
    "Evidence": "근거",
    "Upstream": "상위 모델",
    "Reason": "이유",
    "commercial_use": "상업적 이용",
    "attribution": "저작자 표시",
    "share_alike": "동일 조건 변경 허락",
    "naming": "이름 규칙",
    "use_restrictions": "사용 제한",
    "user_cap": "사용자 수 상한",
    "output_training": "출력물 학습 제한",
    "{n} conflicts": "충돌 {n}건",
    # why a verdict is what it is (llmkg.licences), and what a conflict is
    "{name} has no licence recorded": "{name}의 라이선스가 기록되어 있지 않음",
    "the terms of {licence} ({name}) are not known to llmkg": "{licence}({name})의 조항을 llmkg가 알지 못함",
    "trained on outputs of {name}, whose developer's terms restrict using them": (
        "{name}의 출력물로 학습했는데, 그 개발사 약관이 출력물 이용을 제한함"
    ),
    "the terms of use of {name}'s developer are not known to llmkg": (
        "{name} 개발사의 이용 약관을 llmkg가 알지 못함"
    ),
    "the licence of {name} could not be determined": "{name}의 라이선스를 확인하지 못함",
    "the text of {licence} ({name}) could not be read": "{licence}({name})의 원문을 읽지 못함",
    "{licence} ({name}) does not allow commercial use": "{licence}({name})은(는) 상업적 이용을 허용하지 않음",
    "{licence} ({name}) allows commercial use on conditions": (
        "{licence}({name})은(는) 조건부로 상업적 이용을 허용함"
    ),
    "{own} allows commercial use, but {upstream}'s {theirs} does not": (
        "{own}은(는) 상업적 이용을 허용하지만 {upstream}의 {theirs}은(는) 허용하지 않음"
    ),
    "{upstream}'s {theirs} asks derivatives to keep its terms, but this model is under {own}": (
        "{upstream}의 {theirs}은(는) 파생물에 같은 조건을 요구하지만 이 모델은 {own}임"
    ),
    "trained on outputs of {upstream}, whose terms restrict using outputs to train other models": (
        "{upstream}의 출력물로 학습했는데, 그 약관이 출력물로 다른 모델을 학습하는 것을 제한함"
    ),
    "{upstream}'s {theirs} asks a derivative's name to begin with “{prefix}”": (
        "{upstream}의 {theirs}은(는) 파생 모델 이름이 “{prefix}”(으)로 시작하기를 요구함"
    ),
    (
        "This is not legal advice: it reads the licences' terms along the lineage llmkg records; check the "
        "licences themselves before you rely on it."
    ): (
        "법률 자문이 아닙니다. llmkg에 기록된 계보를 따라 라이선스 조항을 읽은 것이니, "
        "의존하기 전에 라이선스 원문을 확인하세요."
    ),
    "A link of this chain is only {evidence}: the conclusion is as weak as that link.": (
        "이 계보의 연결 중 하나는 {evidence} 수준입니다. 결론도 그 연결만큼만 확실합니다."
    ),
    "give a model's NAME, or --check for the whole graph": (
        "모델 이름(NAME)이나 전체 그래프를 위한 --check를 주세요"
    ),
    # charts
    "Parameters of language models over time": "시기별 언어 모델 파라미터 수",
    "Training compute of language models over time": "시기별 언어 모델 학습 연산량",
    "Training compute (FLOP)": "학습 연산량(FLOP)",
    "Models released per year": "연도별 공개 모델 수",
    "others ({n} organizations)": "기타(조직 {n}곳)",
    "Epoch AI: notable language models ×9 a year, June 2017 – May 2024": (
        "Epoch AI: 주요 언어 모델 해마다 ×9(2017년 6월~2024년 5월)"
    ),
    "{axis}, log scale · {n} models": "{axis}, 로그 눈금 · 모델 {n}개",
    (
        "Trend since {year}: ×{growth:.1f} a year, doubling every {months:.0f} months "
        "(least squares, {n} models)"
    ): "{year}년 이후 추세: 해마다 ×{growth:.1f}, {months:.0f}개월마다 두 배(최소제곱법, 모델 {n}개)",
    "* {year} up to {date}: the year is not over": "* {year}년은 {date}까지: 아직 끝나지 않은 해",
    "Evolutionary tree of language models": "언어 모델 진화 계통도",
    "Decoder-only Transformers": "디코더 전용 트랜스포머",
    "Encoder–decoder Transformers": "인코더-디코더 트랜스포머",
    "Encoder-only Transformers": "인코더 전용 트랜스포머",
    "Recurrent, state-space and hybrid": "순환·상태 공간·하이브리드",
    "Before the Transformer: RNN, LSTM and other neural LMs": (
        "트랜스포머 이전: RNN, LSTM 등 신경망 언어 모델"
    ),
    "lineage stated by the developer": "개발사가 밝힌 계보",
    "lineage reported or inferred": "보도되거나 추정된 계보",
    "+N: minor descendants not drawn (--all draws them)": (
        "+N: 그리지 않은 기타 후속 모델 수(--all로 모두 표시)"
    ),
    "landmark and major models": "이정표·주요 모델",
    "every model of the selection": "선택한 모든 모델",
    "{n} minor models counted on their ancestors (+N)": ("기타 모델 {n}개는 조상 모델에 개수로 표시(+N)"),
    "data through {date}": "데이터 기준일 {date}",
    # the explorer's own words
    "History of language models": "언어 모델의 역사",
    "Graph": "그래프",
    "Timeline": "타임라인",
    "Search": "검색",
    "Search names, aliases, Korean labels": "이름, 별칭, 한국어 이름 검색",
    "No match": "일치하는 레코드 없음",
    "From": "시작",
    "To": "끝",
    "Organization": "조직",
    "All": "전체",
    "Not set": "해당 없음",
    "Select a record in the graph, the timeline or the search.": (
        "그래프, 타임라인 또는 검색에서 레코드를 선택하세요."
    ),
    "Ancestors": "조상",
    "Descendants": "후손",
    "records shown": "개 레코드 표시",
    "Filters": "필터",
    "Fit": "전체 보기",
    "Undated": "날짜 없음",
    "Language": "언어",
    "outgoing": "나가는 관계",
    "incoming": "들어오는 관계",
    "Reset": "초기화",
    "Legend": "범례",
    "lineage (stated)": "계보 (명시)",
    "lineage (reported or inferred)": "계보 (보도 또는 추정)",
    "other relation": "기타 관계",
    "size: parameters": "크기: 파라미터 수",
    "status": "상태",
    "value": "값",
    "source": "출처",
    "estimated_by": "추정 주체",
    "confidence": "신뢰도",
    "FLOP": "FLOP",
    "id": "ID",
    "Parameters status": "파라미터 상태",
    "Graph shows": "그래프 표시",
    "Tree": "계통도",
    "Scatter": "산점도",
    "Parameters over time": "시기별 파라미터 수",
    "Training compute over time": "시기별 학습 연산량",
    "Minor models": "기타 모델",
    "Show minor models": "기타 모델 보기",
    "minor descendants not drawn": "표시하지 않은 기타 후속 모델",
    "lineage": "계보",
    "Landmark and major models of the tree": "계통도의 이정표·주요 모델",
    # notes and messages
    (
        "{n} more records and {m} more relations not shown; --all shows them all, --limit N shows N of "
        "each kind"
    ): (
        "레코드 {n}개와 관계 {m}개를 더 표시하지 않았습니다. --all 옵션으로 모두, "
        "--limit N 옵션으로 종류마다 N개를 볼 수 있습니다"
    ),
    "{name}: {record}": "{name}: {record}",
    "{name}: no record has this name; the family's newest landmark or major model is {record}": (
        "{name}: 이 이름의 레코드가 없어 이 계열의 가장 최근 이정표·주요 모델인 {record}을(를) 보여 줍니다"
    ),
    "; also in the family: {others}": "; 같은 계열: {others}",
    "; models named after it: {others}": "; 이 이름으로 시작하는 모델: {others}",
    " and {n} more": " 외 {n}개",
    "no record matches {query}": "{query}와(과) 일치하는 레코드가 없습니다",
    "; the closest names: {names}": "; 가장 비슷한 이름: {names}",
    "error": "오류",
    "no record named {name}": "{name}(이)라는 레코드가 없습니다",
    "no record named {name}; did you mean: {suggestions}?": (
        "{name}(이)라는 레코드가 없습니다. 이것을 찾으셨나요? {suggestions}"
    ),
    "START {start} is after END {end}": "시작({start})이 끝({end})보다 뒤입니다",
    "unknown kind {kinds}; use one of: {choices}": (
        "알 수 없는 종류: {kinds}. 다음 중 하나를 쓰세요: {choices}"
    ),
    "{name} is a {kind}, not an organization": "{name}은(는) 조직이 아닙니다({kind})",
    "--depth must be at least 1": "--depth는 1 이상이어야 합니다",
    "--limit must be at least 1": "--limit는 1 이상이어야 합니다",
    "the search query is empty": "검색어가 비어 있습니다",
    "unknown relation {relations}; use one of: {choices}": (
        "알 수 없는 관계: {relations}. 다음 중 하나를 쓰세요: {choices}"
    ),
    # llmkg mcp
    "the MCP server needs the mcp package (version 2): pip install 'llmkg[mcp]'": (
        "MCP 서버에는 mcp 패키지(버전 2)가 필요합니다: pip install 'llmkg[mcp]'"
    ),
    "serving {n} records over the Model Context Protocol on stdin and stdout": (
        "레코드 {n}개를 MCP(Model Context Protocol)로 표준 입출력에서 제공합니다"
    ),
    # the command-line parser's messages
    "Usage:": "사용법:",
    "Try '{command}' for help.": "도움말: '{command}'",
    "unknown option {option}": "알 수 없는 옵션: {option}",
    "; did you mean: {options}?": ". 이것을 찾으셨나요? {options}",
    "invalid value for {option}; use one of: {choices}": (
        "{option}의 값이 잘못되었습니다. 가능한 값: {choices}"
    ),
    "invalid value for {option}: at least {low}": "{option}의 값은 {low} 이상이어야 합니다",
    "invalid value for {option}: a whole number": "{option}의 값은 정수여야 합니다",
    "missing {what}": "{what}이(가) 필요합니다",
    "unknown command {command}": "알 수 없는 명령: {command}",
    "invalid use: {message}": "잘못된 사용: {message}",
}


def korean() -> dict[str, str]:
    """Every word llmkg says, in Korean: the explorer's page carries them all."""
    return dict(_KO)


def t(text: str, lang: str = "en", **values: object) -> str:
    """`text` in `lang` (English when there is no translation), with {names} filled in."""
    chosen = _KO.get(text, text) if lang == "ko" else text
    return chosen.format(**values) if values else chosen
