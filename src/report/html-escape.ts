/**
 * Escaping for the HTML report. File names, sheet names, labels and reasons come from the files scanned:
 * they are attacker-controlled text, so every one goes through here before it reaches the page.
 */

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
