import { describe, expect, it } from 'vitest';
import { coreLabelFields, customProperties, msipLabelNames, odfMetaLabels } from '../../../src/extract/office/msip.js';

const GUID_A = '0a1b2c3d-0000-4000-8000-00000000000a';
const GUID_B = '0a1b2c3d-0000-4000-8000-00000000000b';
const props = (pairs: [string, string][]) => pairs.map(([name, value]) => ({ name, value }));

describe('msipLabelNames', () => {
  it.each([
    ['an enabled label', [[`MSIP_Label_${GUID_A}_Enabled`, 'true'], [`MSIP_Label_${GUID_A}_Name`, '社外秘']], ['社外秘']],
    ['enabled written in capitals, name first', [[`MSIP_Label_${GUID_A}_Name`, 'Confidential'], [`MSIP_Label_${GUID_A}_Enabled`, 'True']], ['Confidential']],
    ['a disabled label is not a label', [[`MSIP_Label_${GUID_A}_Enabled`, 'false'], [`MSIP_Label_${GUID_A}_Name`, '社外秘']], []],
    ['a name without _Enabled is not trusted', [[`MSIP_Label_${GUID_A}_Name`, '社外秘']], []],
    ['two labels, one enabled', [[`MSIP_Label_${GUID_A}_Enabled`, 'false'], [`MSIP_Label_${GUID_A}_Name`, 'Public'], [`MSIP_Label_${GUID_B}_Enabled`, 'true'], [`MSIP_Label_${GUID_B}_Name`, '機密']], ['機密']],
    ['other custom properties are ignored', [['Owner', '総務部'], [`MSIP_Label_${GUID_A}_SiteId`, 'x']], []],
  ] as [string, [string, string][], string[]][])('%s', (_, pairs, expected) => {
    expect(msipLabelNames(props(pairs))).toEqual(expected);
  });
});

describe('metadata parts', () => {
  it('reads custom.xml properties with decoded values', () => {
    const xml =
      '<Properties><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="MSIP_Label_x_Name"><vt:lpwstr>A &amp; B</vt:lpwstr></property></Properties>';
    expect(customProperties(xml)).toEqual([{ name: 'MSIP_Label_x_Name', value: 'A & B' }]);
  });

  it('returns content status, category and keywords of core.xml as written, empty ones left out', () => {
    const xml =
      '<cp:coreProperties><dc:title>社外秘資料</dc:title><cp:keywords></cp:keywords><cp:category>人事</cp:category>' +
      '<cp:contentStatus>機密</cp:contentStatus></cp:coreProperties>';
    expect(coreLabelFields(xml)).toEqual(['機密', '人事']);
  });

  it('reads MSIP user-defined fields and keywords of an OpenDocument meta.xml', () => {
    const xml =
      `<meta:user-defined meta:name="MSIP_Label_${GUID_A}_Enabled" meta:value-type="string">true</meta:user-defined>` +
      `<meta:user-defined meta:name="MSIP_Label_${GUID_A}_Name">部外秘</meta:user-defined><meta:keyword>部外秘</meta:keyword>`;
    expect(odfMetaLabels(xml)).toEqual(['部外秘']);
  });
});
