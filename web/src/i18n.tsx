// The interface language: Chinese by default, English on request (kept in
// localStorage). A small dictionary and `useT()`; Ant Design's own texts follow
// through ConfigProvider, dates through dayjs.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { AREA_EN, AREA_ZH } from './locales';

const baseZh = {
  'app.name': '工会工作平台',
  'lang.switch': 'English',
  'lang.switchTitle': '切换为英文界面',
  'common.save': '保存',
  'common.search': '查询',
  'common.reset': '重置',
  'common.actions': '操作',
  'common.total': '共 {n} 条',
  'common.yes': '是',
  'common.no': '否',
  'common.retry': '重试',
  'common.noPermission': '您没有访问此页面的权限',
  'common.notFound': '页面不存在',
  'common.backHome': '返回首页',
  'common.nothingBuilt': '您的账号暂无可用的功能,请联系管理员分配角色',
  'common.unknownError': '发生未知错误',
  'common.generate': '随机生成',
  'common.passwordRule': '至少 8 位,且包含大写字母、小写字母、数字、符号中的至少三类',

  'login.title': '工会工作平台',
  'login.subtitle': '请使用您的账号登录',
  'login.username': '用户名',
  'login.password': '密码',
  'login.submit': '登录',
  'login.usernameRequired': '请输入用户名',
  'login.passwordRequired': '请输入密码',
  'login.expired': '登录已失效,请重新登录',
  'login.footer': '忘记密码请联系本级工会的系统管理员重置',

  'header.changePassword': '修改密码',
  'header.logout': '退出登录',

  'password.title': '修改密码',
  'password.old': '原密码',
  'password.new': '新密码',
  'password.confirm': '确认新密码',
  'password.mismatch': '两次输入的新密码不一致',
  'password.changed': '密码已修改',
  'password.required': '请输入密码',
  'password.short': '密码至少 8 位',
  'password.long': '密码不能超过 128 位',
  'password.kinds': '须包含大写字母、小写字母、数字、符号中的至少三类',

  'menu.organisation': '组织建设',
  'menu.orgs': '工会组织',
  'menu.members': '会员管理',
  'menu.hardship': '困难帮扶',
  'menu.mutualAid': '医疗互助',
  'menu.rights': '权益维护',
  'menu.honours': '建功立业',
  'menu.services': '普惠服务',
  'menu.finance': '经费管理',
  'menu.governance': '规范化建设',
  'menu.stats': '统计分析',
  'menu.system': '系统管理',
  'menu.users': '用户账号',
  'menu.audit': '审计日志',
  'menu.comingSoon': '建设中',

  'tree.title': '组织树',
  'tree.search': '搜索本级及下级工会',
  'tree.show': '显示组织树',
  'tree.hide': '收起组织树',
  'tree.noResults': '没有找到名称包含「{q}」的工会',
  'tree.moreResults': '共 {n} 个结果,仅显示前 {m} 个,请输入更完整的名称',

  'org.kind': '类型',
  'org.name': '名称',
  'org.divisionCode': '行政区划代码',
  'org.divisionCodeHelp': '6 位(县级及以上)或 9 位(乡镇、街道)数字',
  'org.divisionCodeInvalid': '应为 6 位或 9 位数字',
  'org.status': '状态',
  'org.status.active': '正常',
  'org.status.dissolved': '已撤销',
  'org.establishedOn': '成立日期',
  'org.dissolvedOn': '撤销日期',
  'org.dissolveReason': '撤销原因',
  'org.childCount': '下级工会数',
  'org.children': '直接下级工会',
  'org.showDissolved': '显示已撤销',
  'org.subtree': '本级及全部下级工会',
  'org.subtreeSearch': '按名称搜索',
  'org.allKinds': '全部类型',
  'org.create': '新建下级工会',
  'org.createTitle': '在「{name}」下新建工会',
  'org.created': '已新建「{name}」',
  'org.edit': '更名/修改',
  'org.editTitle': '修改「{name}」',
  'org.saved': '已保存',
  'org.move': '移动',
  'org.moveTitle': '移动「{name}」(连同全部下级)',
  'org.moveTarget': '新的上级工会',
  'org.moveTargetRequired': '请选择新的上级工会',
  'org.moveEffectiveOn': '生效日期',
  'org.moved': '已移动「{name}」',
  'org.dissolve': '撤销',
  'org.dissolveTitle': '撤销「{name}」',
  'org.dissolveHint': '撤销后工会保留在历史中,不会删除,可以恢复。有未撤销下级工会的不能撤销。',
  'org.dissolveReasonRequired': '请填写撤销原因(至少 2 个字)',
  'org.dissolveConfirm': '确定撤销「{name}」吗?',
  'org.dissolved': '已撤销「{name}」',
  'org.restore': '恢复',
  'org.restoreConfirm': '确定恢复「{name}」吗?',
  'org.restored': '已恢复「{name}」',
  'org.history': '历史',
  'org.historyTitle': '「{name}」的历史',
  'org.historyEmpty': '暂无历史记录',
  'org.historyBy': '操作人',
  'org.recordedAt': '记录时间',
  'org.dateDefaultToday': '不填则为今天',
  'org.nameRequired': '请输入工会名称(2–100 个字)',
  'org.kindRequired': '请选择工会类型',
  'org.noChildren': '没有下级工会',
  'org.pickPlaceholder': '选择工会,可输入名称搜索',
  'org.baseNoChildren': '基层工会下不能再设下级工会',

  'history.create': '组建',
  'history.rename': '更名',
  'history.update': '修改',
  'history.move': '移动',
  'history.dissolve': '撤销',
  'history.restore': '恢复',

  'user.username': '用户名',
  'user.usernameHelp': '3–32 位字母、数字或 _ . -,创建后不能修改',
  'user.usernameInvalid': '用户名应为 3–32 位字母、数字或 _ . -',
  'user.displayName': '姓名',
  'user.displayNameRequired': '请输入姓名',
  'user.org': '所属工会',
  'user.orgRequired': '请选择所属工会',
  'user.roles': '角色',
  'user.rolesRequired': '请至少选择一个角色',
  'user.password': '初始密码',
  'user.status': '状态',
  'user.status.active': '正常',
  'user.status.disabled': '已停用',
  'user.lockedUntil': '已锁定至 {time}',
  'user.lastLogin': '最近登录',
  'user.neverLoggedIn': '从未登录',
  'user.searchPlaceholder': '用户名或姓名',
  'user.allRoles': '全部角色',
  'user.allStatus': '全部状态',
  'user.create': '新建账号',
  'user.createTitle': '新建用户账号',
  'user.created': '已新建账号 {name}',
  'user.edit': '编辑',
  'user.editTitle': '编辑账号 {name}',
  'user.saved': '已保存',
  'user.disable': '停用',
  'user.enable': '启用',
  'user.disableConfirm': '停用后 {name} 将无法登录,确定停用吗?',
  'user.enableConfirm': '确定启用 {name} 吗?',
  'user.disabled': '已停用 {name}',
  'user.enabled': '已启用 {name}',
  'user.resetPassword': '重置密码',
  'user.resetTitle': '重置 {name} 的密码',
  'user.resetHint': '重置后该账号的登录会话全部失效,锁定也会解除。请把新密码当面或通过安全渠道告知本人。',
  'user.newPassword': '新密码',
  'user.reset': '已重置 {name} 的密码',
  'user.unlock': '解锁',
  'user.unlockConfirm': '确定解除 {name} 的锁定吗?',
  'user.unlocked': '已解除 {name} 的锁定',
  'user.more': '更多',

  'audit.at': '时间',
  'audit.user': '操作人',
  'audit.org': '工会',
  'audit.action': '操作',
  'audit.entity': '对象',
  'audit.entityId': '对象 ID',
  'audit.ip': 'IP 地址',
  'audit.dateRange': '日期',
  'audit.q': '关键词',
  'audit.qPlaceholder': '用户名、对象 ID 或内容',
  'audit.anyAction': '全部操作',
  'audit.anyEntity': '全部对象',
  'audit.verify': '校验哈希链',
  'audit.verifyOk': '哈希链完整(已校验 {n} 条)',
  'audit.verifyBroken': '哈希链在第 {id} 号记录处断开(已校验 {n} 条),该记录或其之前的记录可能被篡改',
  'audit.verifyBrokenUnknown': '哈希链不完整(已校验 {n} 条)',
  'audit.changes': '变更内容',
  'audit.field': '字段',
  'audit.before': '变更前',
  'audit.after': '变更后',
  'audit.detail': '附加信息',
  'audit.hash': '哈希',
  'audit.prevHash': '前一条哈希',
  'audit.noChanges': '无字段变更记录',
  'audit.system': '系统',

  'action.create': '新建',
  'action.update': '修改',
  'action.delete': '删除',
  'action.move': '移动',
  'action.dissolve': '撤销',
  'action.restore': '恢复',
  'action.login': '登录',
  'action.login_failed': '登录失败',
  'action.locked': '锁定',
  'action.unlock': '解锁',
  'action.logout': '退出',
  'action.password_change': '修改密码',
  'action.password_reset': '重置密码',
  'action.reveal': '查看明文',
  'action.export': '导出',
  'action.import': '导入',
  'action.approve': '批准',
  'action.reject': '驳回',
  'action.transfer': '转移',

  'entity.org': '工会组织',
  'entity.user': '用户账号',
  'entity.member': '会员',
  'entity.job': '后台任务',

  'field.id': 'ID',
  'field.name': '名称',
  'field.kind': '类型',
  'field.kindLabel': '类型',
  'field.divisionCode': '行政区划代码',
  'field.status': '状态',
  'field.parentId': '上级工会',
  'field.path': '路径',
  'field.depth': '层级',
  'field.establishedOn': '成立日期',
  'field.dissolvedOn': '撤销日期',
  'field.dissolveReason': '撤销原因',
  'field.reason': '原因',
  'field.childCount': '下级工会数',
  'field.sortOrder': '排序',
  'field.username': '用户名',
  'field.displayName': '姓名',
  'field.orgId': '所属工会',
  'field.orgName': '所属工会名称',
  'field.roles': '角色',
  'field.memberId': '会员 ID',
  'field.createdAt': '创建时间',
  'field.failedLogins': '连续失败次数',
  'field.subtreeSize': '涉及工会数',
  'field.effectiveOn': '生效日期',
  'field.demo': '演示数据',
  'field.orgs': '工会数',
};

const baseEn: Record<keyof typeof baseZh, string> = {
  'app.name': 'Trade Union Platform',
  'lang.switch': '中文',
  'lang.switchTitle': 'Switch to Chinese',
  'common.save': 'Save',
  'common.search': 'Search',
  'common.reset': 'Reset',
  'common.actions': 'Actions',
  'common.total': '{n} in total',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.retry': 'Retry',
  'common.noPermission': 'You are not allowed to open this page',
  'common.notFound': 'Page not found',
  'common.backHome': 'Back to start',
  'common.nothingBuilt': 'Your account has no functions yet; ask an administrator for a role',
  'common.unknownError': 'Unexpected error',
  'common.generate': 'Generate',
  'common.passwordRule': 'At least 8 characters, of at least three kinds: upper case, lower case, digits, symbols',

  'login.title': 'Trade Union Platform',
  'login.subtitle': 'Sign in with your account',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.usernameRequired': 'Enter your username',
  'login.passwordRequired': 'Enter your password',
  'login.expired': 'Your session has ended; please sign in again',
  'login.footer': 'Forgot your password? Ask your union’s system administrator to reset it',

  'header.changePassword': 'Change password',
  'header.logout': 'Sign out',

  'password.title': 'Change password',
  'password.old': 'Current password',
  'password.new': 'New password',
  'password.confirm': 'Repeat new password',
  'password.mismatch': 'The two new passwords differ',
  'password.changed': 'Password changed',
  'password.required': 'Enter a password',
  'password.short': 'At least 8 characters',
  'password.long': 'At most 128 characters',
  'password.kinds': 'Use at least three kinds: upper case, lower case, digits, symbols',

  'menu.organisation': 'Organisation',
  'menu.orgs': 'Unions',
  'menu.members': 'Members',
  'menu.hardship': 'Hardship',
  'menu.mutualAid': 'Mutual aid',
  'menu.rights': 'Rights',
  'menu.honours': 'Honours',
  'menu.services': 'Services',
  'menu.finance': 'Finance',
  'menu.governance': 'Governance',
  'menu.stats': 'Statistics',
  'menu.system': 'System',
  'menu.users': 'User accounts',
  'menu.audit': 'Audit log',
  'menu.comingSoon': 'coming soon',

  'tree.title': 'Union tree',
  'tree.search': 'Search unions in your scope',
  'tree.show': 'Show union tree',
  'tree.hide': 'Hide union tree',
  'tree.noResults': 'No union name contains “{q}”',
  'tree.moreResults': '{n} matches, showing the first {m}; type more of the name',

  'org.kind': 'Kind',
  'org.name': 'Name',
  'org.divisionCode': 'Division code',
  'org.divisionCodeHelp': '6 digits (county and above) or 9 digits (township, street)',
  'org.divisionCodeInvalid': 'Must be 6 or 9 digits',
  'org.status': 'Status',
  'org.status.active': 'Active',
  'org.status.dissolved': 'Dissolved',
  'org.establishedOn': 'Established',
  'org.dissolvedOn': 'Dissolved on',
  'org.dissolveReason': 'Reason for dissolving',
  'org.childCount': 'Sub-unions',
  'org.children': 'Direct sub-unions',
  'org.showDissolved': 'Show dissolved',
  'org.subtree': 'This union and all beneath it',
  'org.subtreeSearch': 'Search by name',
  'org.allKinds': 'All kinds',
  'org.create': 'New sub-union',
  'org.createTitle': 'New union under “{name}”',
  'org.created': 'Created “{name}”',
  'org.edit': 'Rename / edit',
  'org.editTitle': 'Edit “{name}”',
  'org.saved': 'Saved',
  'org.move': 'Move',
  'org.moveTitle': 'Move “{name}” (with everything beneath it)',
  'org.moveTarget': 'New parent union',
  'org.moveTargetRequired': 'Choose the new parent union',
  'org.moveEffectiveOn': 'Effective on',
  'org.moved': 'Moved “{name}”',
  'org.dissolve': 'Dissolve',
  'org.dissolveTitle': 'Dissolve “{name}”',
  'org.dissolveHint': 'A dissolved union stays in the history and can be restored. A union with active sub-unions cannot be dissolved.',
  'org.dissolveReasonRequired': 'Give a reason (at least 2 characters)',
  'org.dissolveConfirm': 'Dissolve “{name}”?',
  'org.dissolved': 'Dissolved “{name}”',
  'org.restore': 'Restore',
  'org.restoreConfirm': 'Restore “{name}”?',
  'org.restored': 'Restored “{name}”',
  'org.history': 'History',
  'org.historyTitle': 'History of “{name}”',
  'org.historyEmpty': 'No history yet',
  'org.historyBy': 'By',
  'org.recordedAt': 'Recorded at',
  'org.dateDefaultToday': 'Today if left empty',
  'org.nameRequired': 'Enter the union’s name (2–100 characters)',
  'org.kindRequired': 'Choose the kind of union',
  'org.noChildren': 'No sub-unions',
  'org.pickPlaceholder': 'Choose a union; type to search',
  'org.baseNoChildren': 'A base union cannot have sub-unions',

  'history.create': 'Established',
  'history.rename': 'Renamed',
  'history.update': 'Edited',
  'history.move': 'Moved',
  'history.dissolve': 'Dissolved',
  'history.restore': 'Restored',

  'user.username': 'Username',
  'user.usernameHelp': '3–32 letters, digits or _ . -; cannot be changed later',
  'user.usernameInvalid': 'Use 3–32 letters, digits or _ . -',
  'user.displayName': 'Name',
  'user.displayNameRequired': 'Enter the name',
  'user.org': 'Union',
  'user.orgRequired': 'Choose the union',
  'user.roles': 'Roles',
  'user.rolesRequired': 'Choose at least one role',
  'user.password': 'Initial password',
  'user.status': 'Status',
  'user.status.active': 'Active',
  'user.status.disabled': 'Disabled',
  'user.lockedUntil': 'Locked until {time}',
  'user.lastLogin': 'Last sign-in',
  'user.neverLoggedIn': 'Never',
  'user.searchPlaceholder': 'Username or name',
  'user.allRoles': 'All roles',
  'user.allStatus': 'Any status',
  'user.create': 'New account',
  'user.createTitle': 'New user account',
  'user.created': 'Created account {name}',
  'user.edit': 'Edit',
  'user.editTitle': 'Edit account {name}',
  'user.saved': 'Saved',
  'user.disable': 'Disable',
  'user.enable': 'Enable',
  'user.disableConfirm': '{name} will no longer be able to sign in. Disable?',
  'user.enableConfirm': 'Enable {name}?',
  'user.disabled': 'Disabled {name}',
  'user.enabled': 'Enabled {name}',
  'user.resetPassword': 'Reset password',
  'user.resetTitle': 'Reset the password of {name}',
  'user.resetHint': 'All sessions of the account end and any lock is lifted. Pass the new password on in person or by a safe channel.',
  'user.newPassword': 'New password',
  'user.reset': 'Password of {name} reset',
  'user.unlock': 'Unlock',
  'user.unlockConfirm': 'Unlock {name}?',
  'user.unlocked': 'Unlocked {name}',
  'user.more': 'More',

  'audit.at': 'Time',
  'audit.user': 'User',
  'audit.org': 'Union',
  'audit.action': 'Action',
  'audit.entity': 'Record',
  'audit.entityId': 'Record ID',
  'audit.ip': 'IP address',
  'audit.dateRange': 'Dates',
  'audit.q': 'Keyword',
  'audit.qPlaceholder': 'Username, record ID or content',
  'audit.anyAction': 'Any action',
  'audit.anyEntity': 'Any record',
  'audit.verify': 'Verify hash chain',
  'audit.verifyOk': 'Hash chain intact ({n} entries checked)',
  'audit.verifyBroken': 'Hash chain broken at entry {id} ({n} checked): that entry or one before it may have been altered',
  'audit.verifyBrokenUnknown': 'Hash chain broken ({n} checked)',
  'audit.changes': 'Changes',
  'audit.field': 'Field',
  'audit.before': 'Before',
  'audit.after': 'After',
  'audit.detail': 'Detail',
  'audit.hash': 'Hash',
  'audit.prevHash': 'Previous hash',
  'audit.noChanges': 'No field changes recorded',
  'audit.system': 'system',

  'action.create': 'Create',
  'action.update': 'Update',
  'action.delete': 'Delete',
  'action.move': 'Move',
  'action.dissolve': 'Dissolve',
  'action.restore': 'Restore',
  'action.login': 'Sign in',
  'action.login_failed': 'Failed sign-in',
  'action.locked': 'Locked',
  'action.unlock': 'Unlock',
  'action.logout': 'Sign out',
  'action.password_change': 'Password change',
  'action.password_reset': 'Password reset',
  'action.reveal': 'Reveal',
  'action.export': 'Export',
  'action.import': 'Import',
  'action.approve': 'Approve',
  'action.reject': 'Reject',
  'action.transfer': 'Transfer',

  'entity.org': 'Union',
  'entity.user': 'User account',
  'entity.member': 'Member',
  'entity.job': 'Background job',

  'field.id': 'ID',
  'field.name': 'Name',
  'field.kind': 'Kind',
  'field.kindLabel': 'Kind',
  'field.divisionCode': 'Division code',
  'field.status': 'Status',
  'field.parentId': 'Parent union',
  'field.path': 'Path',
  'field.depth': 'Depth',
  'field.establishedOn': 'Established',
  'field.dissolvedOn': 'Dissolved on',
  'field.dissolveReason': 'Reason for dissolving',
  'field.reason': 'Reason',
  'field.childCount': 'Sub-unions',
  'field.sortOrder': 'Sort order',
  'field.username': 'Username',
  'field.displayName': 'Name',
  'field.orgId': 'Union',
  'field.orgName': 'Union name',
  'field.roles': 'Roles',
  'field.memberId': 'Member ID',
  'field.createdAt': 'Created',
  'field.failedLogins': 'Failed attempts',
  'field.subtreeSize': 'Unions affected',
  'field.effectiveOn': 'Effective on',
  'field.demo': 'Demo data',
  'field.orgs': 'Unions',
};

// Each area keeps its own words in web/src/locales/<area>.ts (listed in
// locales/index.ts); they join the base dictionary here.
const zh = { ...baseZh, ...AREA_ZH };
const en = { ...baseEn, ...AREA_EN };
export type Key = keyof typeof zh;

export type Lang = 'zh' | 'en';
const DICTS: Record<Lang, Record<Key, string>> = { zh, en };
const STORAGE_KEY = 'gonghui.lang';

export type Vars = Record<string, string | number>;

export interface Translate {
  (key: Key, vars?: Vars): string;
  /** A key built at run time (e.g. 'action.' + code); `fallback` when the dictionary lacks it. */
  dyn(key: string, fallback: string, vars?: Vars): string;
}

function fill(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

function makeT(lang: Lang): Translate {
  const dict = DICTS[lang];
  const t = ((key: Key, vars?: Vars) => fill(dict[key] ?? zh[key] ?? key, vars)) as Translate;
  t.dyn = (key, fallback, vars) => {
    const text = (dict as Record<string, string>)[key];
    return text === undefined ? fallback : fill(text, vars);
  };
  return t;
}

interface LangState {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate;
}

const LangContext = createContext<LangState | null>(null);

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

function applyLang(lang: Lang) {
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  document.title = DICTS[lang]['app.name'];
}

/** The language, Ant Design's locale and theme, and the App context for messages. */
export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = initialLang();
    applyLang(l);
    return l;
  });
  const setLang = useCallback((l: Lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // private mode: the choice lasts for this page only
    }
    applyLang(l);
    setLangState(l);
  }, []);
  const value = useMemo(() => ({ lang, setLang, t: makeT(lang) }), [lang, setLang]);
  return (
    <LangContext.Provider value={value}>
      <ConfigProvider
        locale={lang === 'en' ? enUS : zhCN}
        theme={{ token: { colorPrimary: '#c0281f', borderRadius: 6 } }}
      >
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </LangContext.Provider>
  );
}

function useLangState(): LangState {
  const ctx = useContext(LangContext);
  if (!ctx) throw new Error('LangProvider missing');
  return ctx;
}

export function useT(): Translate {
  return useLangState().t;
}

export function useLang(): { lang: Lang; setLang(lang: Lang): void } {
  const { lang, setLang } = useLangState();
  return { lang, setLang };
}
