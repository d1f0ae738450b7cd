import { describe, expect, it } from 'vitest';
import { OpenedPrograms, UnknownProgram } from './programs.ts';

describe('opened programs', () => {
  it("issues one id per file and resolves it to the file's folder", () => {
    const programs = new OpenedPrograms();
    const a = programs.issue('/home/ann/course/a.py');
    const b = programs.issue('/home/ann/other/b.py');
    expect(a).not.toBe(b);
    expect(programs.issue('/home/ann/course/a.py')).toBe(a);
    expect(programs.folderOf(a)).toBe('/home/ann/course');
    expect(programs.folderOf(b)).toBe('/home/ann/other');
  });

  it('refuses an id it never issued', () => {
    const programs = new OpenedPrograms();
    programs.issue('/home/ann/course/a.py');
    expect(() => programs.folderOf('/etc')).toThrow(UnknownProgram);
    expect(() => programs.folderOf('1')).toThrow(/open its file again/);
  });
});
