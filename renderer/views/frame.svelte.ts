/**
 * A value that follows another at most once per animation frame: while a run streams batches faster
 * than the screen refreshes, the views redraw once per frame with the newest data instead of once per batch.
 */
export class PerFrame {
  current = $state(0);
  #pending = false;

  constructor(private readonly read: () => number) {
    this.current = read();
    $effect(() => {
      void read();
      if (this.#pending) return;
      this.#pending = true;
      requestAnimationFrame(() => {
        this.#pending = false;
        this.current = this.read();
      });
    });
  }
}
