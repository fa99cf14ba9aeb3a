/**
 * Where the big job boards put the posting on a job's page, as CSS selectors. Readability scores a page by its prose
 * and can pick the wrong block on a board page: on a LinkedIn job page it picks the "similar jobs" list over the
 * description. A board's own container, when present and long enough, is the posting. Listed from the boards' saved
 * pages (datasets/real-pages/sources.md); add a board here, with a saved page, when one reads wrongly.
 */
export const jobBoardContainers: readonly { readonly board: string; readonly selector: string }[] = [
  { board: 'LinkedIn', selector: '.show-more-less-html__markup' },
  { board: 'LinkedIn', selector: '.description__text' },
  { board: 'Indeed', selector: '#jobDescriptionText' },
  { board: 'SEEK', selector: '[data-automation="jobAdDetails"]' },
  { board: 'Workday', selector: '[data-automation-id="jobPostingDescription"]' },
  { board: 'Greenhouse', selector: '.job__description' },
  { board: 'Greenhouse', selector: '#app_body #content' },
  // schema.org microdata: the page marks the posting's description itself.
  { board: 'schema.org microdata', selector: '[itemtype*="JobPosting"] [itemprop="description"]' },
];
