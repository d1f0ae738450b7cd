/** Which panel of the workspace is maximised (filling the workspace), if any. Not remembered: a new session shows all. */
class Layout {
  maximised = $state<string | null>(null);

  /** Maximises `panel`, or restores the layout when it (or any panel) is maximised already. */
  toggle(panel: string | null): void {
    this.maximised = this.maximised !== null || panel === null ? null : panel;
  }
}

export const layout = new Layout();
