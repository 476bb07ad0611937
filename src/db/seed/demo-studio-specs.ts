// The demo studios, one or more in every state (src/db/seed/demo-studios.ts loads them).
import type { StudioStatus } from '../../domain/studios/lifecycle.ts';

/** A demo studio: where it stands, who leads it, what it offers. */
export interface StudioSpec {
  name: string;
  unitCode: string;
  status: StudioStatus;
  category: string;
  leader: string;
  members?: string[];
  applicant: string;
  items: string[];
  hours: string;
  description: string;
  plaque?: string;
  reason?: string;
  commitments?: string[];
}

/** Studios in every state, including the three the bulletin describes. */
export const demoStudioSpecs: StudioSpec[] = [
  {
    name: '婉珍文艺专业服务室',
    unitCode: '350802003004',
    status: 'active',
    category: 'culture',
    leader: 'zwz',
    members: ['chm'],
    applicant: 'zhangwanzhen',
    items: ['广场舞教学', '书法绘画培训', '社区文艺汇演排练'],
    hours: '每周二、四 19:30-21:00；每周六 9:00-11:00',
    description: '发挥书法、音乐、绘画特长，免费为社区居民举办广场舞、书法绘画培训。',
    plaque: 'XL-2011-0002',
    commitments: ['每周二、四晚在西兴社区广场教授广场舞', '每月举办 2 次书法绘画公益课', '居民预约后 24 小时内答复'],
  },
  {
    name: '来发医疗卫生专业服务室',
    unitCode: '350802004001',
    status: 'active',
    category: 'health',
    leader: 'jlf',
    applicant: 'zhongcheng',
    items: ['义务健康咨询', '常见病预防指导', '测量血压'],
    hours: '每天 8:30-11:30（在家开办）',
    description: '80 多岁的老党员利用在卫生防疫部门工作的业务技能，在家开办服务室，为社区居民提供义务咨询诊疗。',
    plaque: 'XL-2011-0001',
    commitments: ['每天上午在家接待居民健康咨询', '行动不便的老人电话预约后上门测量血压'],
  },
  {
    name: '柏先生猪养殖技术服务室',
    unitCode: '350802105206',
    status: 'active',
    category: 'agriculture',
    leader: 'zbx',
    applicant: 'admin',
    items: ['生猪养殖技术咨询', '猪病防治指导', '养殖场选址建议'],
    hours: '每周一、三、五 14:00-17:00，农忙时随叫随到',
    description: '养猪专业户依托专业服务工作室，主动为村民提供生猪养殖技术咨询服务，带动群众致富。',
    plaque: 'XL-2011-0003',
    commitments: ['村民来电 12 小时内到场查看猪病', '每季度举办 1 次养殖技术讲座'],
  },
  {
    name: '共产党员法律专业服务工作室（东门）',
    unitCode: '350802001001',
    status: 'active',
    category: 'legal',
    leader: 'lzq',
    applicant: 'admin',
    items: ['法律援助咨询', '劳动争议调解指导', '进城务工人员维权咨询'],
    hours: '每周三 14:30-17:30',
    description: '依托律师事务所设立，为进城务工人员、青少年、台胞侨眷等群体提供法律援助咨询。',
    plaque: 'XL-2011-0004',
    commitments: ['每周三下午坐班接待', '法律援助咨询 48 小时内答复'],
  },
  {
    name: '美玲学业辅导工作室',
    unitCode: '350802003004',
    status: 'draft',
    category: 'education',
    leader: 'cml',
    applicant: 'xixing',
    items: ['小学生课后作业辅导'],
    hours: '每周一至周五 16:30-18:00',
    description: '为双职工家庭孩子提供课后辅导。',
  },
  {
    name: '建国便民维修工作室',
    unitCode: '350802003001',
    status: 'submitted',
    category: 'repair',
    leader: 'wjg',
    applicant: 'xicheng',
    items: ['家庭电路检修', '小家电维修'],
    hours: '每周六 8:30-11:30',
    description: '为社区居民义务检修电路和小家电。',
  },
  {
    name: '晓燕心理疏导工作室',
    unitCode: '350802003002',
    status: 'community_reviewed',
    category: 'counselling',
    leader: 'lxy',
    applicant: 'xicheng',
    items: ['青少年心理疏导', '家庭关系咨询'],
    hours: '每周日 15:00-17:00',
    description: '为青少年和家庭提供心理疏导。',
  },
  {
    name: '海涛就业指导工作室',
    unitCode: '350802003003',
    status: 'approved',
    category: 'employment',
    leader: 'zht',
    applicant: 'xicheng',
    items: ['求职简历指导', '就业政策解读'],
    hours: '每周四 9:00-11:00',
    description: '为失业人员和高校毕业生提供就业指导。',
  },
  {
    name: '丽华理财咨询室',
    unitCode: '350802003005',
    status: 'rejected',
    category: 'entrepreneurship',
    leader: 'qlh',
    applicant: 'xicheng',
    items: ['家庭理财规划'],
    hours: '每周五 19:00-20:30',
    description: '家庭理财咨询。',
    reason: '服务项目与代理销售理财产品有关，存在“趋利化”风险，建议调整服务项目后重新申办。',
  },
  {
    name: '秀英养老护理服务室',
    unitCode: '350802004002',
    status: 'contracted',
    category: 'elderly',
    leader: 'wxy',
    applicant: 'zhongcheng',
    items: ['居家老人护理指导', '康复训练示范'],
    hours: '每周二、五 9:00-11:00',
    description: '退休护士为居家老人提供护理指导。',
  },
  {
    name: '文斌家电维修服务室',
    unitCode: '350802001005',
    status: 'rectification',
    category: 'repair',
    leader: 'hwb',
    applicant: 'admin',
    items: ['家电义务维修'],
    hours: '每周日 9:00-12:00',
    description: '为居民义务维修家电。',
    plaque: 'XL-2011-0005',
    reason: '群众反映维修后推荐购买指定配件，存在“趋利化”倾向，限期整改。',
    commitments: ['每周日上午义务维修'],
  },
  {
    name: '春生农技服务室',
    unitCode: '350802001006',
    status: 'revoked',
    category: 'agriculture',
    leader: 'lcs',
    applicant: 'admin',
    items: ['果蔬种植技术指导'],
    hours: '每周三 9:00-11:00',
    description: '果蔬种植技术指导。',
    plaque: 'XL-2011-0006',
    reason: '连续两个季度未开展服务，群众反映强烈，经街道党工委研究决定取消牌匾。',
  },
  {
    name: '美兰健康服务室',
    unitCode: '350802002001',
    status: 'closed',
    category: 'health',
    leader: 'yml',
    applicant: 'admin',
    items: ['慢性病随访'],
    hours: '每周一 15:00-17:00',
    description: '社区慢性病随访。',
    plaque: 'XL-2011-0007',
    reason: '领岗党员工作调动，本人申请不再领岗。',
  },
];
