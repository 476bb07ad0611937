import {
  AppstoreOutlined,
  BookOutlined,
  BulbOutlined,
  CarOutlined,
  CoffeeOutlined,
  ExperimentOutlined,
  HeartOutlined,
  HomeOutlined,
  MedicineBoxOutlined,
  ReadOutlined,
  RocketOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  SmileOutlined,
  SolutionOutlined,
  TeamOutlined,
  ToolOutlined,
  TrophyOutlined,
} from '@ant-design/icons';

/**
 * The icons a category may use, by the name the API stores (an antd icon without "Outlined").
 * A fixed list rather than all of @ant-design/icons, which would add a megabyte to the bundle.
 */
export const categoryIcons: Record<string, typeof AppstoreOutlined> = {
  SafetyCertificate: SafetyCertificateOutlined,
  Read: ReadOutlined,
  Heart: HeartOutlined,
  Solution: SolutionOutlined,
  MedicineBox: MedicineBoxOutlined,
  Smile: SmileOutlined,
  Book: BookOutlined,
  Experiment: ExperimentOutlined,
  Team: TeamOutlined,
  Rocket: RocketOutlined,
  Tool: ToolOutlined,
  Home: HomeOutlined,
  Shop: ShopOutlined,
  Bulb: BulbOutlined,
  Car: CarOutlined,
  Coffee: CoffeeOutlined,
  Trophy: TrophyOutlined,
  Appstore: AppstoreOutlined,
};

/** The icon for a stored name; unknown names (set through the API) get a neutral one. */
export function CategoryIcon({ name }: { name: string }) {
  const Icon = categoryIcons[name] ?? AppstoreOutlined;
  return <Icon aria-hidden />;
}
