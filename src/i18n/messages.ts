/**
 * Messages in Japanese and English: CLI notes on stderr, the text report's closing notes, SARIF result
 * messages and rule help. Input: a language. Output: strings. Never: holds PII or formats a raw value
 * (callers pass masked values only). Error messages stay English: scripts and issue reports match on them.
 */

export type Lang = 'ja' | 'en';

export interface Messages {
  /** Text report note and stderr note when a baseline hid findings. */
  baselineHidden: (n: number) => string;
  baselineWritten: (n: number, file: string) => string;
  missingPaths: (paths: string) => string;
  nothingStaged: string;
  keyEnvUnset: (name: string) => string;
  configCreated: (file: string) => string;
  /** SARIF result message: the rule's name in this language and the masked value. */
  sarifFound: (name: string, masked: string) => string;
  sarifFileLevel: (name: string) => string;
  sarifValidates: string;
  sarifRemedy: string;
  /** SARIF notifications when GitHub's limits left results or unreadable files out of the log. */
  sarifResultsOmitted: (n: number, max: number) => string;
  sarifNotificationsOmitted: (n: number, max: number) => string;
  /** Summary note: files skipped because they hold only images. */
  imageOnly: (n: number) => string;
  /** Summary note: files and folders an ignore source kept out of the walk (`summary.excluded`). */
  excluded: (files: number, folders: number, source: 'gitignore' | 'jpiiignore' | 'exclude' | 'config') => string;
}

const EXCLUDED_BY_EN = { gitignore: '.gitignore', jpiiignore: '.jpiiignore', exclude: '--exclude', config: "the config's exclude" } as const;
const EXCLUDED_BY_JA = { gitignore: '.gitignore', jpiiignore: '.jpiiignore', exclude: '--exclude', config: '設定ファイルの exclude' } as const;

const EN: Messages = {
  baselineHidden: (n) => `${n} known finding${n === 1 ? '' : 's'} hidden by the baseline`,
  baselineWritten: (n, file) => `jpii: wrote ${n} fingerprint${n === 1 ? '' : 's'} to ${file}`,
  missingPaths: (paths) => `jpii: no such file or directory: ${paths} (reported as errors)`,
  nothingStaged: 'jpii: no staged files to scan',
  keyEnvUnset: (name) => `jpii: ${name} is not set: fingerprints use the public default key`,
  configCreated: (file) => `jpii: wrote ${file}`,
  sarifFound: (name, masked) => `Possible ${name}: ${masked}`,
  sarifFileLevel: (name) => `${name}: the file holds personal information but carries no classification label`,
  sarifValidates: 'Validates',
  imageOnly: (n) => `${n} image-only file${n === 1 ? '' : 's'} not examined; run with --ocr`,
  excluded: (files, folders, source) =>
    `${[files ? `${files} file${files === 1 ? '' : 's'}` : '', folders ? `${folders} folder${folders === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ')} excluded by ${EXCLUDED_BY_EN[source]}, not scanned${source === 'gitignore' || source === 'jpiiignore' ? ' (--no-ignore scans them)' : ''}`,
  sarifRemedy:
    'Remove or mask the value, or move the file where access is restricted. A synthetic test value can be ' +
    'accepted with a `jpii-ignore` comment on its line, an `allow` entry in jpii.config.json, or a baseline.',
  sarifResultsOmitted: (n, max) =>
    `${n} more results were left out of this log (GitHub code scanning takes at most ${max} per run; the highest levels are kept). The JSON report lists every finding.`,
  sarifNotificationsOmitted: (n, max) => `${n} more notifications (files not read, notes on how files were read) were left out of this log (at most ${max} are listed; errors first, then warnings, then notes). The JSON report lists every file and note.`,
};

const JA: Messages = {
  baselineHidden: (n) => `ベースラインに記録済みの検出 ${n} 件を非表示にしました`,
  baselineWritten: (n, file) => `jpii: フィンガープリント ${n} 件を ${file} に書き出しました`,
  missingPaths: (paths) => `jpii: ファイルまたはフォルダがありません: ${paths}（エラーとして報告します）`,
  nothingStaged: 'jpii: ステージされたファイルはありません',
  keyEnvUnset: (name) => `jpii: ${name} が未設定のため、フィンガープリントは公開の既定キーで計算されます`,
  configCreated: (file) => `jpii: ${file} を作成しました`,
  sarifFound: (name, masked) => `${name}の可能性: ${masked}`,
  sarifFileLevel: (name) => `${name}: 個人情報を含みますが、機密区分のラベルがありません`,
  sarifValidates: '検証内容',
  imageOnly: (n) => `画像のみのファイル ${n} 件は未検査です（--ocr で読み取れます）`,
  excluded: (files, folders, source) =>
    `${EXCLUDED_BY_JA[source]}で除外したため未検査: ${[files ? `ファイル ${files} 件` : '', folders ? `フォルダ ${folders} 件` : ''].filter(Boolean).join('、')}${source === 'gitignore' || source === 'jpiiignore' ? '（--no-ignore で検査します）' : ''}`,
  sarifRemedy:
    '値を削除またはマスクするか、アクセスを制限した場所へファイルを移してください。テスト用の架空の値は、' +
    'その行の `jpii-ignore` コメント、jpii.config.json の `allow`、またはベースラインで許可できます。',
  sarifResultsOmitted: (n, max) =>
    `さらに ${n} 件の検出をこのログから省きました（GitHub のコードスキャンは 1 回の実行につき ${max} 件まで。重要度の高いものを残しています）。すべての検出は JSON レポートにあります。`,
  sarifNotificationsOmitted: (n, max) => `通知（読み取れなかったファイル、読み取りに関する注記）のうち ${n} 件をこのログから省きました（最大 ${max} 件。エラー、警告、注記の順に残します）。すべてのファイルと注記は JSON レポートにあります。`,
};

export function messages(lang: Lang | undefined): Messages {
  return lang === 'ja' ? JA : EN;
}

/** The language of the locale (LC_ALL, then LC_MESSAGES, then LANG), as POSIX orders them. */
export function defaultLang(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.startsWith('ja') ? 'ja' : 'en';
}
