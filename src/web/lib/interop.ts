/**
 * The default export of a CommonJS-typed package such as antd's locale files. tsc (NodeNext)
 * types `import x from 'antd/es/locale/zh_CN.js'` as `{ default: Locale }`, because antd's
 * package.json does not say "type": "module", while Vite hands over the Locale itself.
 * This accepts either shape, so the code is right under both.
 */
export function defaultExport<T extends object>(imported: T | { default: T }): T {
  return 'default' in imported ? imported.default : imported;
}
