/**
 * The XML parts of the docx / pptx / ods / odt fixtures written by make-office-fixtures.js, kept apart so
 * both files stay readable. Each function returns zip entries: [name, content, store?].
 * Synthetic values only (see make-office-fixtures.js).
 */
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const W = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"`;
const A = `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:r="${REL}"`;

const rels = (list) =>
  `${XML}<Relationships xmlns="${PKG}">${list.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type.includes('/') ? type : `${REL}/${type}`}" Target="${target}"/>`).join('')}</Relationships>`;
const types = (overrides) =>
  `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join('')}</Types>`;
const wp = (...runs) => `<w:p>${runs.map((r) => (r.startsWith('<') ? r : `<w:r><w:t xml:space="preserve">${r}</w:t></w:r>`)).join('')}</w:p>`;
const textBox = (text) =>
  `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>${wp(text)}</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>` +
  `<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${wp(text)}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
const WML = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

export function docxParts() {
  const body = [
    '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="840"/></w:tabs></w:pPr><w:r><w:t>顧客対応記録</w:t></w:r></w:p>',
    '<w:p/>',
    wp('電話番号: ', '<w:r><w:rPr><w:b/></w:rPr><w:t>090-</w:t></w:r>', '1234-5678'),
    wp('氏名', '<w:r><w:tab/></w:r>', '試験 花子'),
    `<w:tbl><w:tr><w:tc>${wp('マイナンバー')}</w:tc><w:tc>${wp('1234 5678 9018')}</w:tc></w:tr></w:tbl>`,
    wp(textBox('〒100-0001 東京都千代田区千代田1-1'), '(地図参照)'),
    wp('A &amp; B &lt;株&gt;', '<w:r><w:footnoteReference w:id="1"/></w:r>'),
    '<w:sectPr><w:headerReference w:type="default" r:id="rId1"/><w:headerReference w:type="even" r:id="rId2"/><w:footerReference w:type="default" r:id="rId3"/></w:sectPr>',
  ].join('');
  const note = (kind, id, text) => `<w:${kind} w:id="${id}">${wp(text)}</w:${kind}>`;
  const separator = (kind) => `<w:${kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:${kind}>`;
  const prop = (pid, name, value) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${pid}" name="${name}"><vt:lpwstr>${value}</vt:lpwstr></property>`;
  const label = (n) => `MSIP_Label_0a1b2c3d-0000-4000-8000-00000000000${n}`;
  return [
    ['[Content_Types].xml', types([
      ['/word/document.xml', `${WML}.document.main+xml`], ['/word/header1.xml', `${WML}.header+xml`], ['/word/header2.xml', `${WML}.header+xml`],
      ['/word/footer1.xml', `${WML}.footer+xml`], ['/word/footnotes.xml', `${WML}.footnotes+xml`], ['/word/endnotes.xml', `${WML}.endnotes+xml`],
      ['/word/comments.xml', `${WML}.comments+xml`], ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
      ['/docProps/custom.xml', 'application/vnd.openxmlformats-officedocument.custom-properties+xml'],
    ])],
    ['_rels/.rels', rels([['rId1', 'officeDocument', 'word/document.xml'], ['rId2', `${PKG}/metadata/core-properties`, 'docProps/core.xml'], ['rId3', 'custom-properties', 'docProps/custom.xml']])],
    ['word/_rels/document.xml.rels', rels([['rId1', 'header', 'header1.xml'], ['rId2', 'header', 'header2.xml'], ['rId3', 'footer', 'footer1.xml'], ['rId4', 'footnotes', 'footnotes.xml'], ['rId5', 'endnotes', 'endnotes.xml'], ['rId6', 'comments', 'comments.xml']])],
    ['word/document.xml', `${XML}<w:document ${W}><w:body>${body}</w:body></w:document>`],
    ['word/header1.xml', `${XML}<w:hdr ${W}>${wp('【社外秘】')}</w:hdr>`],
    ['word/header2.xml', `${XML}<w:hdr ${W}><w:p><w:r><w:pict><v:shape id="PowerPlusWaterMarkObject"><v:textpath style="font-family:&quot;MS Gothic&quot;" string="CONFIDENTIAL"/></v:shape></w:pict></w:r></w:p></w:hdr>`],
    ['word/footer1.xml', `${XML}<w:ftr ${W}><w:p><w:r><w:t xml:space="preserve">ページ </w:t></w:r><w:fldSimple w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>`],
    ['word/footnotes.xml', `${XML}<w:footnotes ${W}>${separator('footnote')}${note('footnote', 1, '連絡先 hanako@example.com')}</w:footnotes>`],
    ['word/endnotes.xml', `${XML}<w:endnotes ${W}>${separator('endnote')}${note('endnote', 1, '出典: 試験データ')}</w:endnotes>`],
    ['word/comments.xml', `${XML}<w:comments ${W}><w:comment w:id="0" w:author="試験">${wp('生年月日 1980年4月1日 を確認')}</w:comment></w:comments>`],
    ['docProps/core.xml', `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>顧客対応記録</dc:title><cp:category>人事</cp:category><cp:keywords></cp:keywords><cp:contentStatus>Confidential</cp:contentStatus></cp:coreProperties>`],
    ['docProps/custom.xml', `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${prop(2, `${label(1)}_Enabled`, 'true')}${prop(3, `${label(1)}_Name`, '社外秘')}${prop(4, `${label(2)}_Enabled`, 'false')}${prop(5, `${label(2)}_Name`, 'Public')}${prop(6, 'Owner', '総務部')}</Properties>`],
  ];
}

const ap = (...runs) => `<a:p>${runs.map((r) => (r.startsWith('<') ? r : `<a:r><a:rPr lang="ja-JP"/><a:t>${r}</a:t></a:r>`)).join('')}</a:p>`;
const shape = (...paragraphs) => `<p:sp><p:nvSpPr><p:cNvPr id="2" name="Text"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/>${paragraphs.join('')}</p:txBody></p:sp>`;
const slide = (...shapes) => `${XML}<p:sld ${A}><p:cSld><p:spTree>${shapes.join('')}</p:spTree></p:cSld></p:sld>`;
const notes = (text) => `${XML}<p:notes ${A}><p:cSld><p:spTree>${shape(ap(text))}${shape(ap('<a:fld id="{1}" type="slidenum"><a:t>1</a:t></a:fld>'))}</p:spTree></p:cSld></p:notes>`;
const cell = (text) => `<a:tc><a:txBody><a:bodyPr/>${ap(text)}</a:txBody></a:tc>`;
const PML = 'application/vnd.openxmlformats-officedocument.presentationml';

/** Three slides; the show order is slide1.xml, slide3.xml, slide2.xml (a slide moved in PowerPoint). */
export function pptxParts() {
  const table = `<p:graphicFrame><a:graphic><a:graphicData><a:tbl><a:tr>${cell('氏名')}${cell('試験 太郎')}</a:tr><a:tr>${cell('電話')}${cell('090-1234-5678')}</a:tr></a:tbl></a:graphicData></a:graphic></p:graphicFrame>`;
  const notesRel = (n) => rels([['rId1', 'slideLayout', '../slideLayouts/slideLayout1.xml'], ['rId2', 'notesSlide', `../notesSlides/notesSlide${n}.xml`]]);
  return [
    ['[Content_Types].xml', types([['/ppt/presentation.xml', `${PML}.presentation.main+xml`], ...[1, 2, 3].map((n) => [`/ppt/slides/slide${n}.xml`, `${PML}.slide+xml`])])],
    ['_rels/.rels', rels([['rId1', 'officeDocument', 'ppt/presentation.xml']])],
    ['ppt/_rels/presentation.xml.rels', rels([['rId2', 'slide', 'slides/slide1.xml'], ['rId3', 'slide', 'slides/slide2.xml'], ['rId4', 'slide', 'slides/slide3.xml']])],
    ['ppt/presentation.xml', `${XML}<p:presentation ${A}><p:sldIdLst><p:sldId id="256" r:id="rId2"/><p:sldId id="258" r:id="rId4"/><p:sldId id="257" r:id="rId3"/></p:sldIdLst></p:presentation>`],
    ['ppt/slides/slide1.xml', slide(shape(ap('社外秘', ' 顧客説明会')), shape(ap('2024年度', '<a:br><a:rPr lang="ja-JP"/></a:br>', '第1回')))],
    ['ppt/slides/_rels/slide1.xml.rels', notesRel(1)],
    ['ppt/slides/slide2.xml', slide(shape(ap('連絡先: taro@example.com')))],
    ['ppt/slides/slide3.xml', slide(shape(ap('名簿')), table)],
    ['ppt/slides/_rels/slide3.xml.rels', notesRel(3)],
    ['ppt/notesSlides/notesSlide1.xml', notes('マイナンバー 123456789018 は読み上げない')],
    ['ppt/notesSlides/notesSlide3.xml', notes('〒100-0001')],
  ];
}

const ODF_NS = [
  'office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"', 'text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"', 'style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"', 'dc="http://purl.org/dc/elements/1.1/"',
].map((ns) => `xmlns:${ns}`).join(' ');
const odfPackage = (mime, content, styles, meta) => [
  ['mimetype', mime, true],
  ['META-INF/manifest.xml', `${XML}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="${mime}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`],
  ['content.xml', `${XML}<office:document-content ${ODF_NS} office:version="1.3"><office:body>${content}</office:body></office:document-content>`],
  ['styles.xml', `${XML}<office:document-styles ${ODF_NS} office:version="1.3"><office:automatic-styles><style:page-layout style:name="pm1"><style:header-style/></style:page-layout></office:automatic-styles><office:master-styles>${styles}</office:master-styles></office:document-styles>`],
  ['meta.xml', `${XML}<office:document-meta ${ODF_NS} office:version="1.3"><office:meta>${meta}</office:meta></office:document-meta>`],
];
const tc = (text, attrs = '') => (text === undefined ? `<table:table-cell${attrs}/>` : `<table:table-cell office:value-type="string"${attrs}>${[].concat(text).map((t) => `<text:p>${t}</text:p>`).join('')}</table:table-cell>`);
const row = (cells, attrs = '') => `<table:table-row${attrs}>${cells.join('')}</table:table-row>`;

export function odsParts() {
  const customers = [
    row([tc(undefined, ' table:number-columns-repeated="4"')]),
    row([tc('氏名'), tc('電話番号'), tc(undefined), tc('郵便番号')]),
    row([tc('試験 太郎'), tc('090-1234-5678'), '<table:covered-table-cell/>', tc('100-0001')]),
    row([tc(undefined, ' table:number-columns-repeated="1024"')], ' table:number-rows-repeated="997"'),
    row([tc('同上', ' table:number-columns-repeated="2"'), tc('X'), tc(undefined, ' table:number-columns-repeated="1021"')]),
  ].join('');
  const memo = row([tc(['マイナンバー', '123456789018']), '<table:table-cell office:value-type="float" office:value="9012345678"><text:p>9012345678</text:p></table:table-cell>']);
  const sheets = `<office:spreadsheet><table:table table:name="顧客">${customers}</table:table><table:table table:name="メモ">${memo}</table:table></office:spreadsheet>`;
  const styles = '<style:master-page style:name="Default"><style:header><style:region-center><text:p>社外秘</text:p></style:region-center></style:header><style:footer><text:p>Page <text:page-number>1</text:page-number></text:p></style:footer></style:master-page>';
  const meta = '<meta:keyword>顧客</meta:keyword><meta:user-defined meta:name="MSIP_Label_0a1b2c3d-0000-4000-8000-000000000003_Enabled">true</meta:user-defined><meta:user-defined meta:name="MSIP_Label_0a1b2c3d-0000-4000-8000-000000000003_Name">機密</meta:user-defined>';
  return odfPackage('application/vnd.oasis.opendocument.spreadsheet', sheets, styles, meta);
}

export function odtParts() {
  const text = [
    '<text:h text:outline-level="1">顧客対応メモ</text:h>',
    '<text:p text:style-name="P1">担当:<text:s/>試験<text:s text:c="2"/>花子</text:p>',
    '<text:p/>',
    '<text:p>電話<text:tab/>090-1234-5678<text:line-break/>メール <text:span>hanako@example.com</text:span></text:p>',
    '<text:p>脚注付き<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>〒100-0001 東京都千代田区千代田1-1</text:p></text:note-body></text:note>の段落</text:p>',
    '<text:p><office:annotation><dc:creator>試験</dc:creator><dc:date>2024-01-01T00:00:00</dc:date><text:p>コメント: 生年月日 1980-04-01</text:p></office:annotation>本文 &amp; 続き</text:p>',
    `<table:table table:name="表1">${row([tc('マイナンバー'), tc('123456789018')])}</table:table>`,
  ].join('');
  const header = '<style:header><text:p>【社外秘】</text:p></style:header><style:footer-left><text:p>試験用</text:p></style:footer-left>';
  const styles = `<style:master-page style:name="Standard">${header}</style:master-page><style:master-page style:name="Second">${header}</style:master-page>`;
  return odfPackage('application/vnd.oasis.opendocument.text', `<office:text>${text}</office:text>`, styles, '<meta:keyword>議事録</meta:keyword>');
}
