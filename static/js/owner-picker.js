// Owner pickers that can be searched: GOV.UK's accessible-autocomplete over the plain controls.
// Progressive enhancement only: without JavaScript the page keeps its plain <select> (several
// owners chosen with Ctrl or Cmd), which is what the form posts either way.
(function () {
  'use strict'
  var autocomplete = window.accessibleAutocomplete
  if (!autocomplete) return

  // One role from a list: <select data-app-autocomplete> becomes a searchable input.
  document.querySelectorAll('select[data-app-autocomplete], form[data-app-role-search] select').forEach(function (select) {
    autocomplete.enhanceSelectElement({ selectElement: select, defaultValue: '', showAllValues: true, dropdownArrow: function () { return '' } })
  })

  // Several roles: <select multiple name="owners"> becomes a list of the chosen roles, each with
  // its Remove button, and a search box that adds one role at a time.
  document.querySelectorAll('select[multiple][name="owners"]').forEach(function (select) {
    var id = select.id
    var label = document.querySelector('label[for="' + id + '"]')
    var chosen = document.createElement('ul')
    chosen.className = 'govuk-list app-owner-picker__chosen'
    var status = document.createElement('div')
    status.className = 'govuk-visually-hidden'
    status.setAttribute('aria-live', 'polite')
    var box = document.createElement('div')
    box.className = 'app-owner-picker__search'
    select.parentNode.insertBefore(chosen, select)
    select.parentNode.insertBefore(box, select)
    select.parentNode.insertBefore(status, select)
    select.hidden = true
    select.setAttribute('aria-hidden', 'true')
    select.tabIndex = -1

    function options () { return Array.prototype.slice.call(select.options) }

    function draw () {
      chosen.innerHTML = ''
      options().filter(function (o) { return o.selected }).forEach(function (option) {
        var item = document.createElement('li')
        item.className = 'app-owner-picker__item'
        item.appendChild(document.createTextNode(option.text + ' '))
        var remove = document.createElement('button')
        remove.type = 'button'
        remove.className = 'govuk-button govuk-button--secondary app-owner-picker__remove'
        remove.innerHTML = 'Remove<span class="govuk-visually-hidden"></span>'
        remove.querySelector('span').textContent = ' ' + option.text
        remove.addEventListener('click', function () {
          option.selected = false
          draw()
          status.textContent = option.text + ' removed'
          document.getElementById(id + '-search').focus()
        })
        item.appendChild(remove)
        chosen.appendChild(item)
      })
      if (!chosen.children.length) {
        var none = document.createElement('li')
        none.className = 'app-secondary'
        none.textContent = 'No owner chosen yet.'
        chosen.appendChild(none)
      }
    }

    autocomplete({
      element: box,
      id: id + '-search',
      name: '',
      minLength: 1,
      showNoOptionsFound: true,
      tNoResults: function () { return 'No role matches' },
      source: function (query, populate) {
        var words = query.toLowerCase().split(/\s+/).filter(Boolean)
        populate(options().filter(function (o) {
          var text = o.text.toLowerCase()
          return !o.selected && words.every(function (w) { return text.indexOf(w) !== -1 })
        }).map(function (o) { return o.text }))
      },
      onConfirm: function (text) {
        if (!text) return
        var option = options().filter(function (o) { return o.text === text })[0]
        if (!option) return
        option.selected = true
        draw()
        status.textContent = text + ' added'
        window.setTimeout(function () {
          var input = document.getElementById(id + '-search')
          input.value = ''
        }, 0)
      }
    })
    var input = document.getElementById(id + '-search')
    if (label) label.setAttribute('for', id + '-search')
    var hint = document.getElementById(id + '-hint')
    if (hint) {
      hint.textContent = 'Start typing a role to add it; remove one with its Remove button.'
      input.setAttribute('aria-describedby', id + '-hint')
    }
    draw()
  })
})()
