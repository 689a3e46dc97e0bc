/**
 * Demo popularity (applications in a year) of the most asked-for items, so that search ranks
 * and the hot list look like a real hall's. Once cases exist, popularity is their count.
 */
export const demoPopularity: Record<string, number> = {
  个体工商户设立登记: 4200,
  有限责任公司设立登记: 2600,
  '食品经营许可（新办）': 1900,
  '食品经营许可（延续）': 700,
  营业执照遗失补领: 800,
  居民身份证换领: 9800,
  居民身份证丢失补领: 3100,
  居住证申领: 5200,
  '出生登记（户口）': 3600,
  社会保障卡申领: 6100,
  社会保障卡补换: 2400,
  '职工退休申请（养老金申领）': 3900,
  '住房公积金提取（购买自住住房）': 5600,
  '住房公积金提取（租赁自住住房）': 7300,
  '住房公积金提取（离休、退休）': 2100,
  内地居民结婚登记: 4800,
  '不动产转移登记（二手房买卖）': 4400,
  城乡居民基本医疗保险参保登记: 6600,
  异地就医备案: 5100,
  '义务教育入学登记（小学一年级）': 3300,
  '出生医学证明签发（首次签发）': 3500,
};
