import type { ErrorCode } from '../bindings';

/**
 * Korean words for each error code. The type makes it complete: a code added on the Rust side
 * fails the type check until it has its words here. English needs none: the backend's own
 * message and hint are English.
 */
export const koErrors: Record<ErrorCode, { message: string; hint: string }> = {
  invalid_input: {
    message: '입력한 값 중 올바르지 않은 것이 있습니다.',
    hint: '입력 항목을 확인하고 다시 시도하세요.',
  },
  auth_failed: {
    message: 'Access Key 또는 Secret Key가 올바르지 않습니다.',
    hint: '프로필의 두 키를 확인하세요. 키가 맞다면 컴퓨터 시계가 정확한지 확인하세요.',
  },
  clock_skew: {
    message: '컴퓨터 시계가 맞지 않습니다.',
    hint: '시스템 설정에서 날짜와 시간 자동 설정을 켠 다음 다시 시도하세요.',
  },
  permission_denied: {
    message: '이 키로는 AiTEMS를 사용할 수 없습니다.',
    hint: 'NCP 관리자에게 이 키의 AiTEMS 권한을 요청하거나, 계정이 AiTEMS를 구독 중인지 확인하세요.',
  },
  not_found: {
    message: '서비스를 찾을 수 없습니다.',
    hint: '서비스 ID를 확인하세요. 삭제되었거나 다른 계정의 서비스일 수 있습니다.',
  },
  rate_limited: {
    message: '지금은 요청이 너무 많습니다.',
    hint: '1분 정도 기다린 다음 다시 시도하세요.',
  },
  bad_request: {
    message: 'AiTEMS가 요청을 잘못된 요청으로 거부했습니다.',
    hint: '다시 시도하세요. 계속되면 아래 자세한 정보를 지원팀에 보내 주세요.',
  },
  service_unavailable: {
    message: '지금은 AiTEMS를 사용할 수 없습니다.',
    hint: '네이버 클라우드 측 문제입니다. 몇 분 후 다시 시도하세요.',
  },
  timeout: {
    message: 'AiTEMS의 응답이 너무 늦습니다.',
    hint: '잠시 후 다시 시도하세요. 계속되면 “최근 학습만”을 켜 보세요.',
  },
  network: {
    message: '네이버 클라우드에 연결할 수 없습니다.',
    hint: '인터넷 연결, VPN, 프록시를 확인한 다음 다시 시도하세요.',
  },
  invalid_response: {
    message: 'AiTEMS의 응답을 읽을 수 없습니다.',
    hint: '다시 시도하세요. 계속되면 아래 자세한 정보를 지원팀에 보내 주세요.',
  },
  too_many_results: {
    message: '이 서비스의 학습이 너무 많아 한 번에 표시할 수 없습니다.',
    hint: '“최근 학습만”을 켜면 유형별 최신 학습을 볼 수 있습니다.',
  },
  keychain_unavailable: {
    message: '시스템 키체인을 사용할 수 없습니다.',
    hint: '키체인 잠금을 해제하거나 데스크톱 세션에 로그인한 다음 다시 시도하세요.',
  },
  missing_keys: {
    message: '이 프로필의 키가 키체인에 없습니다.',
    hint: '프로필을 편집해 Access Key와 Secret Key를 다시 입력하세요.',
  },
  profile_not_found: {
    message: '이 프로필이 더 이상 없습니다.',
    hint: '다른 프로필을 선택하거나 다시 추가하세요.',
  },
  profile_exists: {
    message: '같은 이름의 프로필이 이미 있습니다.',
    hint: '다른 이름을 사용하세요.',
  },
  settings_corrupt: {
    message: '저장된 설정을 읽을 수 없습니다.',
    hint: '텍스트 편집기로 이 파일을 고치거나, 지우고 프로필 없이 시작하세요(키는 키체인에 그대로 남습니다). 고치기 전까지는 아무것도 저장하지 않습니다.',
  },
  settings_io: {
    message: '설정을 저장할 수 없습니다.',
    hint: '디스크 공간과 홈 폴더의 쓰기 권한을 확인하세요.',
  },
  export_failed: {
    message: 'CSV 파일을 저장할 수 없습니다.',
    hint: '폴더가 있는지, 디스크에 빈 공간이 있는지 확인한 다음 다시 내보내세요.',
  },
  update_unreachable: {
    message: '업데이트 서버에 연결할 수 없습니다.',
    hint: '인터넷 연결을 확인하고 나중에 다시 시도하세요.',
  },
  update_unreadable: {
    message: '업데이트 서버의 응답을 읽을 수 없어 업데이트를 제공하지 않습니다.',
    hint: '바뀐 것은 없습니다. 나중에 다시 시도하거나 릴리스 페이지에서 새 버전을 받으세요.',
  },
  update_unsigned: {
    message: '내려받은 업데이트가 AiTEMS Desk 제작자의 서명이 아니어서 설치하지 않았습니다.',
    hint: '바뀐 것은 없습니다. 릴리스 페이지에서 새 버전을 받으세요.',
  },
  update_interrupted: {
    message: '업데이트를 내려받다가 중단되어 아무것도 설치하지 않았습니다.',
    hint: '인터넷 연결을 확인하고 다시 시도하세요.',
  },
  update_not_installed: {
    message: '업데이트를 설치할 수 없어 지금 버전을 계속 사용합니다.',
    hint: '다시 시도하거나 릴리스 페이지에서 새 버전을 받으세요.',
  },
  update_by_package_manager: {
    message: 'AiTEMS Desk를 패키지 관리자로 설치해서 앱이 직접 업데이트할 수 없습니다.',
    hint: '패키지 관리자나 릴리스 페이지의 패키지로 업데이트하세요.',
  },
  no_update_offered: {
    message: '설치할 업데이트가 없습니다.',
    hint: '먼저 업데이트를 확인하세요.',
  },
  internal: {
    message: '예기치 않은 오류가 발생했습니다.',
    hint: '다시 시도하세요. 계속되면 아래 자세한 정보를 지원팀에 보내 주세요.',
  },
};
