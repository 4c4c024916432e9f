/** Base of Kolo's domain events: bubbling, composed (they leave the shadow root), typed `detail`. */
export class KoloEvent<T> extends CustomEvent<T> {
  constructor(type: string, detail: T, cancelable = false) {
    super(type, { detail, bubbles: true, composed: true, cancelable });
  }
}
