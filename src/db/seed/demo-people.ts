// The demo registry's party members (src/db/seed/demo-studios.ts loads them). All fictitious.

/** A demo party member in the registry. */
export interface PersonSpec {
  key: string;
  name: string;
  unitCode: string;
  gender: '男' | '女';
  birthYear: number;
  phone: string;
  profession: string;
  account?: string;
}

/** Demo party members: the three the bulletin names, and colleagues for studios in every state. */
export const demoPeople: PersonSpec[] = [
  {
    key: 'zwz',
    name: '张婉珍',
    unitCode: '350802003004',
    gender: '女',
    birthYear: 1958,
    phone: '13905970101',
    profession: '书法、音乐、绘画',
    account: 'zhangwanzhen',
  },
  {
    key: 'jlf',
    name: '蒋来发',
    unitCode: '350802004001',
    gender: '男',
    birthYear: 1930,
    phone: '13905970102',
    profession: '卫生防疫（退休）',
  },
  {
    key: 'zbx',
    name: '张柏先',
    unitCode: '350802105206',
    gender: '男',
    birthYear: 1968,
    phone: '13905970103',
    profession: '生猪养殖专业户',
  },
  {
    key: 'lzq',
    name: '林志强',
    unitCode: '350802001001',
    gender: '男',
    birthYear: 1975,
    phone: '13905970104',
    profession: '律师',
  },
  {
    key: 'cml',
    name: '陈美玲',
    unitCode: '350802003004',
    gender: '女',
    birthYear: 1982,
    phone: '13905970105',
    profession: '中学教师',
  },
  {
    key: 'wjg',
    name: '王建国',
    unitCode: '350802003001',
    gender: '男',
    birthYear: 1965,
    phone: '13905970106',
    profession: '电工',
  },
  {
    key: 'lxy',
    name: '刘晓燕',
    unitCode: '350802003002',
    gender: '女',
    birthYear: 1979,
    phone: '13905970107',
    profession: '心理咨询师',
  },
  {
    key: 'zht',
    name: '郑海涛',
    unitCode: '350802003003',
    gender: '男',
    birthYear: 1971,
    phone: '13905970108',
    profession: '人力资源管理师',
  },
  {
    key: 'qlh',
    name: '邱丽华',
    unitCode: '350802003005',
    gender: '女',
    birthYear: 1986,
    phone: '13905970109',
    profession: '会计师',
  },
  {
    key: 'wxy',
    name: '吴秀英',
    unitCode: '350802004002',
    gender: '女',
    birthYear: 1960,
    phone: '13905970110',
    profession: '护士（退休）',
  },
  {
    key: 'hwb',
    name: '黄文斌',
    unitCode: '350802001005',
    gender: '男',
    birthYear: 1977,
    phone: '13905970111',
    profession: '家电维修技师',
  },
  {
    key: 'lcs',
    name: '赖春生',
    unitCode: '350802001006',
    gender: '男',
    birthYear: 1969,
    phone: '13905970112',
    profession: '农艺师',
  },
  {
    key: 'yml',
    name: '杨美兰',
    unitCode: '350802002001',
    gender: '女',
    birthYear: 1963,
    phone: '13905970113',
    profession: '社区医生',
  },
  {
    key: 'chm',
    name: '陈惠敏',
    unitCode: '350802003004',
    gender: '女',
    birthYear: 1990,
    phone: '13905970114',
    profession: '舞蹈教师',
  },
];
