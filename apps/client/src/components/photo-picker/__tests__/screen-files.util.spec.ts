import { screenChosenFiles } from '../screen-files.util';

const MB = 1024 * 1024;

describe('screenChosenFiles', () => {
  it('keeps photos within the size limit and says how many were too big', () => {
    const result = screenChosenFiles(
      [
        { path: 'a', size: 2 * MB, type: 'image/jpeg' },
        { path: 'b', size: 11 * MB, type: 'image/jpeg' },
      ],
      6,
    );

    expect(result.accepted.map((file) => file.path)).toEqual(['a']);
    expect(result.problems).toEqual(['1 张照片超过 10MB，未添加']);
  });

  it('refuses types the server does not take (H5 reports MIME types, weapp only "image")', () => {
    const result = screenChosenFiles(
      [
        { path: 'gif', size: MB, type: 'image/gif' },
        { path: 'weapp', size: MB, type: 'image' },
      ],
      6,
    );

    expect(result.accepted.map((file) => file.path)).toEqual(['weapp']);
    expect(result.problems[0]).toContain('1 个文件');
  });

  it('adds no more than the photos still allowed', () => {
    const files = ['a', 'b', 'c'].map((path) => ({ path, size: MB }));

    const result = screenChosenFiles(files, 2);

    expect(result.accepted.map((file) => file.path)).toEqual(['a', 'b']);
    expect(result.problems).toEqual(['最多 6 张，多出的照片未添加']);
  });
});
