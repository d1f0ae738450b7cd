import type { Area } from '../message.ts';

/** Predict the next step: the questions the run answers, and the score. */
export const predict = {
  mode: { en: 'Predict', 'zh-TW': '預測' },
  modeTitle: {
    en: 'Before each step, guess what the run does next; the real run then shows the answer',
    'zh-TW': '每一步之前先猜猜執行接下來會做什麼,再由實際的執行揭曉答案',
  },
  runsNext: { en: 'Who runs next?', 'zh-TW': '接下來輪到誰執行?' },
  yields: { en: 'Which value does {lane} yield next?', 'zh-TW': '{lane} 接下來會 yield 哪個值?' },
  stops: {
    en: 'When {lane} runs on, does it end, raising StopIteration?',
    'zh-TW': '{lane} 繼續執行後,會結束並引發 StopIteration 嗎?',
  },
  deque: {
    en: 'What will {deque} hold after its next operation?',
    'zh-TW': '{deque} 的下一個操作之後,它會裝著什麼?',
  },
  produces: { en: 'What does next() on {iterator} give?', 'zh-TW': '對 {iterator} 呼叫 next() 會得到什麼?' },
  prints: { en: 'What does the program print next?', 'zh-TW': '程式接下來會印出什麼?' },
  yes: { en: 'Yes', 'zh-TW': '會' },
  no: { en: 'No', 'zh-TW': '不會' },
  hidden: {
    en: 'What comes next is hidden until you answer.',
    'zh-TW': '在你回答之前,接下來的內容先隱藏起來。',
  },
  right: { en: 'Right: {answer}.', 'zh-TW': '答對了:{answer}。' },
  wrong: {
    en: 'Not quite: you said {choice}, the run shows {answer}.',
    'zh-TW': '不對喔:你選了 {choice},實際的執行是 {answer}。',
  },
  score: { en: 'Score: {right} of {asked}', 'zh-TW': '得分:{asked} 題答對 {right} 題' },
} satisfies Area;
