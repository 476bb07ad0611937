// Vite's client types: CSS imports, import.meta.env. Included by tsconfig through src/.
/// <reference types="vite/client" />
