/**
 * @jest-environment jsdom
 */
/** The real Blob download in a page: an <a download> with the file's name and a Blob of its bytes and type. */
import { blobDownload } from './output';

describe('blobDownload', () => {
  it('clicks a hidden download link to a Blob URL and revokes it later', () => {
    jest.useFakeTimers();
    const blobs: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:dd/1';
    });
    URL.revokeObjectURL = jest.fn();
    const clicked: HTMLAnchorElement[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    blobDownload('12608_2026-2_学士学位授予信息.xlsx', new Uint8Array([1, 2, 3]), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('12608_2026-2_学士学位授予信息.xlsx');
    expect(clicked[0].href).toBe('blob:dd/1');
    expect(blobs[0].size).toBe(3);
    expect(blobs[0].type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(document.querySelectorAll('a')).toHaveLength(0);
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();
    jest.advanceTimersByTime(60_000);
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:dd/1');
    click.mockRestore();
    jest.useRealTimers();
  });
});
