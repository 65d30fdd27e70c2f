// Words of the organisation-and-membership pages.
const zh = {
  'menu.members.list': '会员名册',
} as const;

const en: Record<keyof typeof zh, string> = {
  'menu.members.list': 'Member roll',
};

export default { zh, en };
