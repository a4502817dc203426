// Progressive enhancement only: every page works without this script.
import { initAll } from '/static/govuk/govuk-frontend.min.js'

initAll()

// A table wider than the screen scrolls sideways in its own box. When it does, the box joins the
// Tab order (named by the table's caption) so that keyboard users can reach it and scroll it with
// the arrow keys; when the screen is wide enough again it leaves the Tab order.
function tableScrollBoxesReachable () {
  for (const box of document.querySelectorAll('.app-table-scroll')) {
    const scrolls = box.scrollWidth > box.clientWidth
    if (scrolls && !box.hasAttribute('tabindex')) {
      const caption = box.querySelector('caption')
      box.setAttribute('tabindex', '0')
      box.setAttribute('role', 'region')
      box.setAttribute('aria-label', caption ? caption.textContent.trim().replace(/\s+/g, ' ') : 'Table')
      box.dataset.appScrollReachable = 'true'
    } else if (!scrolls && box.dataset.appScrollReachable) {
      box.removeAttribute('tabindex')
      box.removeAttribute('role')
      box.removeAttribute('aria-label')
      delete box.dataset.appScrollReachable
    }
  }
}

tableScrollBoxesReachable()
window.addEventListener('resize', tableScrollBoxesReachable)
