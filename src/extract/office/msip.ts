/**
 * Classification labels kept in document metadata rather than in the text.
 * Input: docProps/custom.xml and docProps/core.xml (OOXML) or meta.xml (OpenDocument).
 * Output: raw label strings: enabled Microsoft Purview (MSIP) sensitivity label names, and the values of
 * the fields people use as a classification (content status, category, keywords).
 * Never decides whether a string is a classification word: the label vocabulary is matched downstream.
 */
import { attr, decodeEntities, elementsOf } from './xml-text.js';
import type { OfficeZip } from './zip-parts.js';

/** `MSIP_Label_<guid>_<field>`: the custom properties Office writes for a Microsoft Purview sensitivity label. */
const MSIP_PROPERTY = /^MSIP_Label_([0-9a-fA-F-]+)_(Name|Enabled)$/;

function innerText(xml: string): string {
  return decodeEntities(xml.replace(/<[^>]*>/g, '')).trim();
}

/** Names of the sensitivity labels whose `_Enabled` property is true, from (name, value) custom properties. */
export function msipLabelNames(properties: readonly { name: string; value: string }[]): string[] {
  const labels = new Map<string, { name?: string; enabled?: boolean }>();
  for (const { name, value } of properties) {
    const m = MSIP_PROPERTY.exec(name);
    if (!m?.[1]) continue;
    const label = labels.get(m[1].toLowerCase()) ?? {};
    if (m[2] === 'Name') label.name = value;
    else label.enabled = value.toLowerCase() === 'true';
    labels.set(m[1].toLowerCase(), label);
  }
  return [...labels.values()].flatMap((l) => (l.enabled && l.name ? [l.name] : []));
}

/** `<property name="…"><vt:lpwstr>…</vt:lpwstr></property>` entries of docProps/custom.xml. */
export function customProperties(xml: string): { name: string; value: string }[] {
  return elementsOf(xml, 'property').flatMap(({ tag, inner }) => {
    const name = attr(tag, 'name');
    return name ? [{ name, value: innerText(inner) }] : [];
  });
}

/** content status, category and keywords of docProps/core.xml, non-empty, as written. */
export function coreLabelFields(xml: string): string[] {
  return ['cp:contentStatus', 'cp:category', 'cp:keywords']
    .flatMap((name) => elementsOf(xml, name).map(({ inner }) => innerText(inner)))
    .filter((text) => text !== '');
}

/** OpenDocument meta.xml: MSIP properties copied by Office/LibreOffice as user-defined fields, and keywords. */
export function odfMetaLabels(xml: string): string[] {
  const properties = elementsOf(xml, 'meta:user-defined').flatMap(({ tag, inner }) => {
    const name = attr(tag, 'meta:name');
    return name ? [{ name, value: innerText(inner) }] : [];
  });
  const keywords = elementsOf(xml, 'meta:keyword').map(({ inner }) => innerText(inner));
  return unique([...msipLabelNames(properties), ...keywords]);
}

/** Labels from an OOXML package's docProps parts (missing parts give none). */
export async function ooxmlMetadataLabels(zip: OfficeZip): Promise<string[]> {
  const parts = ['docProps/custom.xml', 'docProps/core.xml'].filter((name) => zip.has(name));
  if (parts.length === 0) return [];
  const labels: string[] = [];
  for (const part of parts) {
    const xml = await zip.readText(part);
    labels.push(...(part.endsWith('custom.xml') ? msipLabelNames(customProperties(xml)) : coreLabelFields(xml)));
  }
  return unique(labels);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
