// Membership rules with no database: the lists officers choose from, member
// card numbers, and the coverage rates (建会率, 入会率).

/** 用工形式, including the new forms of employment (新就业形态). */
export const EMPLOYMENT_FORMS = {
  full_time: { label: '全日制用工', newForm: false },
  part_time: { label: '非全日制用工', newForm: false },
  dispatched: { label: '劳务派遣', newForm: false },
  flexible: { label: '灵活就业', newForm: false },
  courier: { label: '快递员', newForm: true },
  food_delivery: { label: '外卖送餐员', newForm: true },
  ride_hailing: { label: '网约车司机', newForm: true },
  truck_driver: { label: '货车司机', newForm: true },
  housekeeping: { label: '家政服务员', newForm: true },
  online_host: { label: '网络主播', newForm: true },
  other_new_form: { label: '其他新就业形态', newForm: true },
} as const;
export type EmploymentForm = keyof typeof EMPLOYMENT_FORMS;
export const EMPLOYMENT_FORM_NAMES = Object.keys(EMPLOYMENT_FORMS) as EmploymentForm[];
export const NEW_EMPLOYMENT_FORMS = EMPLOYMENT_FORM_NAMES.filter((f) => EMPLOYMENT_FORMS[f].newForm);

export const MEMBER_STATUSES = {
  active: '在会',
  transferred_out: '转出',
  withdrawn: '退会',
  deceased: '去世',
} as const;
export type MemberStatus = keyof typeof MEMBER_STATUSES;
export const MEMBER_STATUS_NAMES = Object.keys(MEMBER_STATUSES) as MemberStatus[];

export const EDUCATION_LEVELS = ['小学及以下', '初中', '高中', '中专/职高', '大专', '本科', '硕士研究生', '博士研究生'] as const;

export const ETHNICITIES = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族', '白族', '土家族',
  '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族', '景颇族', '柯尔克孜族',
  '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族', '普米族', '塔吉克族', '怒族',
  '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族', '独龙族', '鄂伦春族', '赫哲族', '门巴族',
  '珞巴族', '基诺族',
] as const;

/** GB/T 4754-2017 门类. */
export const INDUSTRIES = {
  A: '农、林、牧、渔业', B: '采矿业', C: '制造业', D: '电力、热力、燃气及水生产和供应业', E: '建筑业', F: '批发和零售业',
  G: '交通运输、仓储和邮政业', H: '住宿和餐饮业', I: '信息传输、软件和信息技术服务业', J: '金融业', K: '房地产业',
  L: '租赁和商务服务业', M: '科学研究和技术服务业', N: '水利、环境和公共设施管理业', O: '居民服务、修理和其他服务业',
  P: '教育', Q: '卫生和社会工作', R: '文化、体育和娱乐业', S: '公共管理、社会保障和社会组织', T: '国际组织',
} as const;
export type Industry = keyof typeof INDUSTRIES;
export const INDUSTRY_CODES = Object.keys(INDUSTRIES) as Industry[];

export const OWNERSHIPS = {
  state: '国有',
  collective: '集体',
  private: '民营',
  foreign: '外资',
  hmt: '港澳台资',
  institution: '事业单位',
  government: '机关',
  social: '社会组织',
  individual: '个体工商户',
} as const;
export type Ownership = keyof typeof OWNERSHIPS;
export const OWNERSHIP_NAMES = Object.keys(OWNERSHIPS) as Ownership[];

/** Kinds of union a member can belong to directly. */
export const MEMBER_ORG_KINDS = ['base', 'joint', 'community', 'township', 'industry'] as const;

/** Luhn check digit over a string of digits. */
export function luhnDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/**
 * 会员服务卡号: 16 digits — the 6-digit division of the issuing union, a
 * 9-digit serial from a database sequence, and a Luhn check digit (so a
 * mistyped number is caught at the counter).
 */
export function cardNumber(divisionCode: string | null, serial: number): string {
  const division = (divisionCode ?? '330000').slice(0, 6).padEnd(6, '0');
  const body = division + String(serial).padStart(9, '0');
  if (body.length !== 15 || !/^\d+$/.test(body)) throw new Error(`bad card number parts ${division} ${serial}`);
  return body + luhnDigit(body);
}

export function isValidCardNumber(card: string): boolean {
  return /^\d{16}$/.test(card) && luhnDigit(card.slice(0, 15)) === card[15];
}

/** A rate as a percentage with one decimal, or null when nothing is due. */
export function rate(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return Math.round((numerator / denominator) * 1000) / 10;
}

/** A member's name: 2–30 characters, Chinese names with the middle dot allowed. */
export function nameProblem(name: string): string | null {
  const n = name.trim();
  if (n.length < 2) return '姓名至少 2 个字';
  if (n.length > 30) return '姓名不能超过 30 个字';
  if (!/^[\p{Script=Han}A-Za-z·•\s]+$/u.test(n)) return '姓名只能包含汉字、字母和间隔号';
  return null;
}

/** The application number for an online join application: RH + date + 6 random digits. */
export function applicationNumber(date: string, random: number): string {
  return `RH${date.replace(/-/g, '')}${String(random % 1_000_000).padStart(6, '0')}`;
}
