import { describe, expect, it } from 'vitest';
import { checkImportSize, checkImportText, MAX_IMPORT_BYTES } from '../../../lib/domain/import/file-checks';

describe('checkImportSize', () => {
  it('refuses a file over 50 MB before it is read, saying how big it is', () => {
    expect(checkImportSize(MAX_IMPORT_BYTES + 1)?.message).toMatch(/^The file is 50\.0 MB; files up to 50 MB/);
    expect(checkImportSize(60 * 1024 * 1024)?.message).toMatch(/60\.0 MB/);
  });

  it('accepts a file of exactly 50 MB, and any smaller one', () => {
    expect(checkImportSize(MAX_IMPORT_BYTES)).toBeNull();
    expect(checkImportSize(1)).toBeNull();
  });

  it('refuses an empty file', () => {
    expect(checkImportSize(0)).toEqual({ message: 'The file is empty.' });
  });
});

describe('checkImportText', () => {
  it('accepts CSV text, with or without a BOM', () => {
    expect(checkImportText('date,value\n2023-01-01,1\n')).toBeNull();
    expect(checkImportText('\ufeffdate,value\n')).toBeNull();
  });

  it('says an empty or blank file is empty', () => {
    expect(checkImportText('')).toEqual({ message: 'The file is empty.' });
    expect(checkImportText('\ufeff')).toEqual({ message: 'The file is empty.' });
    expect(checkImportText('\n\r\n  \n')).toEqual({ message: 'The file holds only blank lines.' });
  });

  it('recognises a spreadsheet picked instead of its CSV export', () => {
    expect(checkImportText('PK\u0003\u0004\u0014\u0000\u0006\u0000')?.message).toMatch(
      /Excel workbook or a zip archive/,
    );
  });

  it('refuses binary junk with a clear message', () => {
    const junk = Array.from({ length: 400 }, (_, i) => String.fromCharCode((i * 37) % 32)).join('');
    expect(checkImportText(junk)?.message).toMatch(/binary data, not text/);
    const undecodable = '\ufffd\ufffd\u0001abc\ufffd\ufffd\u0002\ufffd'.repeat(50);
    expect(checkImportText(undecodable)?.message).toMatch(/not readable text/);
  });
});
