/**
 * Programs the host opened from its files (a dialog, the command line, recent files), each known to
 * a renderer only by an id issued here: a run names its program's id, never a path, and only files
 * the user chose can be reached that way.
 */
import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';

/** A run named a program id this host never issued (or no longer knows). */
export class UnknownProgram extends Error {}

export class OpenedPrograms {
  private readonly paths = new Map<string, string>();

  /** The id for the program at this host path (the same id each time it is opened). */
  issue(path: string): string {
    for (const [id, known] of this.paths) if (known === path) return id;
    const id = randomUUID();
    this.paths.set(id, path);
    return id;
  }

  /** The host folder of the program with this id: the folder its run sees as its own. */
  folderOf(id: string): string {
    const path = this.paths.get(id);
    if (path === undefined)
      throw new UnknownProgram('This program is not open in Yieldscope any more: open its file again.');
    return dirname(path);
  }
}
