// What the trainer learns from: the real-world corpus's train split, nothing else. The hand-written set
// is left out on purpose — the keyword rules were written on it, so it stays a second, fair test.
import { loadLabelledSet } from '../../tests/fixtures/complaints/labelled-set'
import { type ReadText, readRealCorpus, REAL_DIR } from './corpus'
import type { TrainingDoc } from './train'

/** the rules count relative dates from the page's date (or a fixed day); the classifiers ignore it */
const nowOf = (date: string | null) => new Date(`${date ?? '2024-01-01'}T12:00:00+08:00`)

/** only: the train sources to learn from (weights-sources.json), every train source when absent */
export function trainingDocs(dir = REAL_DIR, read?: ReadText, only?: ReadonlySet<string>): TrainingDoc[] {
  const items = readRealCorpus('train', dir, read)
  return (only ? items.filter((item) => only.has(item.source)) : items).map((item) => ({
    group: item.source,
    text: item.text,
    now: nowOf(item.date),
    industry: item.labels.industry,
    problemType: item.labels.problemType,
    demands: item.labels.demands,
  }))
}

/** the hand-written set's development items (never its holdout-*), grouped by file, for an experiment: --with-hand-written */
export function handWrittenDocs(): TrainingDoc[] {
  return loadLabelledSet()
    .items.filter((i) => !i.id.startsWith('holdout-') && i.expected.problemType !== null)
    .map((i) => ({
      group: `hand:${i.id.replace(/-\d+$/, '')}`,
      text: i.text,
      now: new Date(i.now),
      industry: i.expected.industry,
      problemType: i.expected.problemType ?? '其他',
      demands: i.expected.demands,
    }))
}
