/**
 * What an OLE compound file holds, from its top-level stream names ([MS-DOC] WordDocument, [MS-XLS] Workbook /
 * Book, [MS-PPT] PowerPoint Document, [MS-OXMSG] __substg1.0_ streams), for a file whose name does not say.
 * Input: the whole file. Output: the extension to read it as, or undefined. Never follows FAT chains
 * (cfb.ts's slot scan finds the directory entries).
 */
import { cfbHasStream, cfbHasEntryPrefix } from './cfb.js';

export function oleKind(bytes: Uint8Array): 'doc' | 'xls' | 'ppt' | 'msg' | undefined {
  if (cfbHasStream(bytes, 'WordDocument')) return 'doc';
  if (cfbHasStream(bytes, 'Workbook') || cfbHasStream(bytes, 'Book')) return 'xls';
  if (cfbHasStream(bytes, 'PowerPoint Document')) return 'ppt';
  if (cfbHasEntryPrefix(bytes, '__substg1.0_')) return 'msg';
  return undefined;
}
