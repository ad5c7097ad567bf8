/**
 * The connection check page (/check): wiring only. Runs the steps of js/check/ one after another,
 * shows each as it ends, then the summary and the result as text and JSON.
 */
import {createAudio} from '../check/audio.js';
import {summarize, toJson, toText} from '../check/report.js';
import {runSteps} from '../check/runner.js';
import {playTestSound} from '../check/speaker.js';
import {STEPS} from '../check/steps.js';
import {freezePreview, listSteps, showResult, showRunning, stepView} from './check-steps.js';

const startButton = document.getElementById('check-start');
const againButton = document.getElementById('check-again');
const progress = document.getElementById('check-progress');
const progressBar = document.getElementById('check-progress-bar');
const resultCard = document.getElementById('check-result');
const summaryLine = document.getElementById('check-summary');
const copyButton = document.getElementById('check-copy');
const downloadButton = document.getElementById('check-download');
const copied = document.getElementById('check-copied');
const textForm = document.getElementById('check-text');
const jsonForm = document.getElementById('check-json');

let audio = null;
let report = null;

startButton.addEventListener('click', start);
// The page's HTML shows the button disabled until this module has loaded: an earlier click would do nothing.
startButton.disabled = false;
againButton.addEventListener('click', start);
copyButton.addEventListener('click', copy);
downloadButton.addEventListener('click', download);
listSteps(STEPS);
progressBar.max = STEPS.length;

/** Runs every step; called from a click, so that the page may play sound and use the camera. */
async function start() {
  startButton.disabled = againButton.disabled = true;
  resultCard.hidden = true;
  resultCard.dataset.done = 'false';
  copied.textContent = '';
  // Made during the click: a browser lets a page play sound only after one.
  audio ??= createAudio();
  const streams = [];
  const context = {
    audio,
    view: stepView((deviceId) => playTestSound(audio, deviceId)),
    keep: (stream) => streams.push(stream),
  };
  listSteps(STEPS);
  const startedAt = new Date();
  const results = await runSteps(STEPS, context, {
    onStart: (step, index) => {
      progress.textContent = `Step ${index + 1} of ${STEPS.length}: ${step.title}…`;
      progressBar.value = index;
      showRunning(step.id);
    },
    onResult: (result, index) => {
      showResult(result);
      progressBar.value = index + 1;
    },
  });
  freezePreview();
  streams.flatMap((stream) => stream.getTracks()).forEach((track) => track.stop());
  report = {startedAt, page: location.href, userAgent: navigator.userAgent, results};
  showReport();
  startButton.disabled = againButton.disabled = false;
  startButton.textContent = 'Run the check again';
}

function showReport() {
  const {line, failed} = summarize(report.results);
  progress.textContent = `Done: ${line}.`;
  summaryLine.textContent = line;
  summaryLine.dataset.failed = String(failed);
  textForm.value = toText(report);
  jsonForm.textContent = JSON.stringify(toJson(report), null, 2);
  resultCard.hidden = false;
  resultCard.dataset.done = 'true';
}

/** The clipboard needs a secure context and focus; otherwise the text is selected for Ctrl+C. */
async function copy() {
  try {
    await navigator.clipboard.writeText(textForm.value);
    copied.textContent = 'Copied to the clipboard.';
  } catch {
    textForm.focus();
    textForm.select();
    copied.textContent = 'The browser would not let the page copy: the text below is selected, press Ctrl+C (⌘C).';
  }
}

function download() {
  const blob = new Blob([JSON.stringify(toJson(report), null, 2)], {type: 'application/json'});
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `connection-check-${report.startedAt.toISOString().replace(/[:.]/g, '-')}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}
