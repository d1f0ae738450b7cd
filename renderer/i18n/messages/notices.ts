import type { Area } from '../message.ts';

/** The messages above the workspace: Python's loading, the program's error, why a run ended, failed requests. */
export const notices = {
  pythonStarting: {
    en: 'Python is not ready yet (starting): a run starts as soon as it is.',
    'zh-TW': 'Python 還沒準備好(啟動中):一準備好就會開始執行。',
  },
  pythonLoading: {
    en: 'Python is not ready yet (loading): a run starts as soon as it is.',
    'zh-TW': 'Python 還沒準備好(載入中):一準備好就會開始執行。',
  },
  slowRecorder: {
    en: 'Recording with the slower Python recorder: the compiled one could not load here. Runs are recorded all the same, more slowly, and the times a program measures itself are off: recorded, each deque operation costs far more, so a deque can look slower than a list.',
    'zh-TW':
      '正在用較慢的 Python 記錄器記錄:這裡無法載入編譯版記錄器。執行一樣會被記錄,只是比較慢;程式自己量到的時間也不準:記錄時每個 deque 操作都慢上許多,deque 可能看起來比 list 還慢。',
  },
  programFailed: { en: 'The program failed.', 'zh-TW': '程式發生錯誤。' },
  errorAtLine: { en: 'Line {line}: {error}', 'zh-TW': '第 {line} 行:{error}' },
  endedWithError: { en: 'The program ended with an error.', 'zh-TW': '程式因錯誤而結束。' },
  stopped: {
    en: 'Run stopped after {events, plural, one {# event} other {# events}}.',
    'zh-TW': '執行在 {events, number} 個事件後停止。',
  },
  timeout: { en: 'Run stopped: it reached its time limit.', 'zh-TW': '執行已停止:達到時間上限。' },
  limit: { en: 'Run stopped: it reached its event limit.', 'zh-TW': '執行已停止:達到事件數上限。' },
  deadlock: {
    en: 'Run stopped: deadlock, every task waits and none can run.',
    'zh-TW': '執行已停止:死結,每個任務都在等待,沒有任何任務能執行。',
  },
  otherProgram: {
    en: 'This trace recorded <b>{recorded}</b>; the editor shows {shown}, so its highlighted lines may not match. Open {recorded} to follow along.',
    'zh-TW':
      '這個追蹤記錄的是 <b>{recorded}</b>;編輯器顯示的是 {shown},所以標示的行可能對不上。請開啟 {recorded} 來對照。',
  },
  failed: { en: '{action} did not work:', 'zh-TW': '{action}沒有成功:' },
  dismiss: { en: 'Dismiss', 'zh-TW': '關閉' },
  lastRecording: {
    en: 'Your last recording, <b>{name}</b> ({events, plural, one {# event} other {# events}}, {savedAt}), was kept.',
    'zh-TW': '你上一次的記錄 <b>{name}</b>({events, number} 個事件,{savedAt})已保留。',
  },
  reopen: { en: 'Reopen it', 'zh-TW': '重新開啟' },
  noThanks: { en: 'No thanks', 'zh-TW': '不用了' },
  connecting: { en: 'Connecting to Yieldscope', 'zh-TW': '連線到 Yieldscope' },
  loadingLessons: { en: 'Loading the lessons', 'zh-TW': '載入課程' },
  connectionLost: {
    en: 'Lost the connection to the Yieldscope server. Is `npm run serve` still running? Reload the page once it is.',
    'zh-TW': '與 Yieldscope 伺服器的連線中斷了。`npm run serve` 還在執行嗎?等它執行後再重新載入頁面。',
  },
  talking: { en: 'Talking to Yieldscope', 'zh-TW': '與 Yieldscope 通訊' },
  running: { en: 'Running the program', 'zh-TW': '執行程式' },
  stopping: { en: 'Stopping the run', 'zh-TW': '停止執行' },
  sendingInput: { en: 'Sending the input', 'zh-TW': '傳送輸入' },
  pausing: { en: 'Pausing', 'zh-TW': '暫停' },
  resuming: { en: 'Resuming', 'zh-TW': '繼續' },
  stepping: { en: 'Stepping', 'zh-TW': '單步執行' },
  openingFile: { en: 'Opening {name}', 'zh-TW': '開啟 {name}' },
  openingTrace: { en: 'Opening a trace', 'zh-TW': '開啟追蹤' },
  reopening: { en: 'Reopening the last recording', 'zh-TW': '重新開啟上一次的記錄' },
  openingProgram: { en: 'Opening a program', 'zh-TW': '開啟程式' },
  saving: { en: 'Saving the trace', 'zh-TW': '儲存追蹤' },
  showing: { en: 'Showing the run', 'zh-TW': '顯示執行過程' },
  language: { en: 'Setting the language of the menus', 'zh-TW': '設定選單的語言' },
} satisfies Area;
