// A new task on the event loop, so the work after it is not part of the task
// before (a long task is what the user feels). A MessageChannel, not
// setTimeout: nested timeouts are clamped to 4 ms and a background tab's to
// a second, which would stretch a load over minutes.
let channel: MessageChannel | undefined;
const waiting: (() => void)[] = [];

export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => waiting.shift()?.();
    }
    channel.port2.postMessage(undefined);
  });
}
