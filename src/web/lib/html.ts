/** Text made safe to hand to an API that writes HTML (Leaflet's attribution): `<b>` stays the three characters `<b>`. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
