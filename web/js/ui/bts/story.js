/**
 * The Story section: the call told step by step (insight's tellStory), each line opening into the two or
 * three sentences that explain it, with a link to the section that shows its data.
 */
import {tellStory} from '../../insight/story.js';
import {h, rebuild, since} from './dom.js';

const STATUS_WORDS = {ok: 'done', warning: 'warning', failed: 'failed'};

/** @param {{open: (sectionId: string) => void, titleOf: (sectionId: string) => string}} nav */
export function storySection(nav) {
  return {
    id: 'story',
    title: 'Story',
    render(container, trace) {
      rebuild(container, () => {
        const lines = tellStory(trace);
        if (!lines.length) return h('p', {class: 'bts-empty'}, 'Nothing has happened yet.');
        return h('ol', {class: 'bts-story', 'data-testid': 'bts-story'}, lines.map((line, index) =>
          h('li', {class: `bts-story-line ${line.status}`, dataset: {status: line.status}},
              h('details', {dataset: {key: `${index}:${line.title}`}},
                  h('summary', {},
                      h('span', {class: 'bts-time'}, since(trace, line.at)),
                      h('span', {class: 'bts-status'}, STATUS_WORDS[line.status] ?? line.status),
                      h('span', {class: 'bts-story-title'}, line.title),
                      line.duration != null ? h('span', {class: 'bts-duration'}, `${Math.round(line.duration)} ms`) : null),
                  h('p', {}, line.detail),
                  line.section ? h('button', {type: 'button', class: 'link-button',
                    onclick: () => nav.open(line.section)}, `Show in ${nav.titleOf(line.section)}`) : null))));
      });
    },
  };
}
