import { defineRules } from './rule';

/**
 * Checks of the upload file itself, run before it is written (src/core/export/uploadFile.ts): a value the target
 * encoding cannot hold, or that does not fit its dBASE field, is reported at its row — never written as “?” or cut.
 */
export const exportRules = defineRules({
  'export.unencodable': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '上报文件的编码无法表示该字符',
        why: '旧版 .dbf 上报文件按 GBK 编码保存；GBK 没有的字符（如只在 GB18030 中的“𠮷”）会被写成“?”，上报的姓名就与证件不一致了。',
        fix: '核对证件上的写法：确属生僻字的，按学位办的要求处理（改用 .xlsx 上报，或按省学位办规定的替代写法并在备注中说明）；若是录入错误（如全角、异体或不可见字符），请改正。',
        message: (p) => `${p.label}“${p.value}”中的 ${p.chars} 无法用 ${p.encoding} 编码保存`,
      },
      'en-US': {
        title: 'The upload file’s encoding cannot hold a character',
        why: 'The legacy .dbf upload file is GBK-encoded; a character outside GBK (such as “𠮷”, found only in GB18030) would be written as “?”, so the reported name would no longer match the ID card or passport.',
        fix: 'Check the ID document: for a genuinely rare character follow the degree office (upload the .xlsx file instead, or use the substitute the provincial office prescribes and explain it in 备注); correct typing errors (full-width, variant or invisible characters).',
        message: (p) => `${p.label} “${p.value}”: ${p.chars} cannot be encoded in ${p.encoding}`,
      },
    },
  },
  'export.tooLongForDbf': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '内容超出 .dbf 字段长度',
        why: '.dbf 的字符字段按字节定长（一个汉字在 GBK 中占 2 个字节），超出的部分会被截掉，上报的信息就不完整了。',
        fix: '核对并缩短该内容（如去掉多余的空格或说明文字）；确实无法缩短的，改用 .xlsx 上报文件。',
        message: (p) => `${p.label}“${p.value}”编码后为 ${p.bytes} 个字节，超出 .dbf 字段长度 ${p.max} 个字节`,
      },
      'en-US': {
        title: 'Value longer than its .dbf field',
        why: 'Character fields of a .dbf file have a fixed length in bytes (a Chinese character takes 2 bytes in GBK); anything longer would be cut off and the reported data would be incomplete.',
        fix: 'Check and shorten the value (drop extra spaces or remarks); if it cannot be shortened, upload the .xlsx file instead.',
        message: (p) => `${p.label} “${p.value}” takes ${p.bytes} bytes when encoded, more than the .dbf field’s ${p.max} bytes`,
      },
    },
  },
});
