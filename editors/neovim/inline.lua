-- Neovim 0.12 with the README's snippets as init.lua: as soon as the server is attached to calc.py,
-- type at the end of line 6 and see the fake's answer as ghost text (inline completion), timed from
-- the request to the moment it is drawn; accept it with Tab; then apply a LUKHAS quick fix.
local t = dofile(vim.env.GPTOSS_E2E_DRIVERS .. '/common.lua')
local answer = vim.env.GPTOSS_E2E_ANSWER
local ghost_ns = vim.api.nvim_create_namespace('nvim.lsp.inline_completion')

t.note('version', tostring(vim.version()))
if vim.env.GPTOSS_E2E_LSP_DEBUG then vim.lsp.log.set_level('debug') end
local first_request_ms, first_shown_ms, first_shown_text
vim.api.nvim_create_autocmd('LspRequest', {
  callback = function(args)
    local request = args.data.request
    if request.method == 'textDocument/inlineCompletion' and request.type == 'pending' and not first_request_ms then
      first_request_ms = t.now_ms()
    end
  end,
})
-- The ghost text is an extmark in inline completion's namespace; note when the first is drawn.
local set_extmark = vim.api.nvim_buf_set_extmark
vim.api.nvim_buf_set_extmark = function(buf, ns, row, col, opts)
  if ns == ghost_ns and not first_shown_ms and opts and opts.virt_text then
    first_shown_ms = t.now_ms()
    local parts = {}
    for _, chunk in ipairs(opts.virt_text) do table.insert(parts, chunk[1]) end
    first_shown_text = table.concat(parts)
  end
  return set_extmark(buf, ns, row, col, opts)
end

t.run(function()
  if not t.await_attach() then return end
  t.check('inline completion is enabled', vim.lsp.inline_completion.is_enabled({ bufnr = 0 }))

  -- A person who starts typing at once: line 6 is the indented blank line in add().
  vim.api.nvim_win_set_cursor(0, { 6, 0 })
  vim.api.nvim_input('Areturn ')
  local shown = t.wait_for(function() return first_shown_ms end, 30000)
  t.check('ghost text from the fake model appears', shown and first_shown_text == answer,
    vim.inspect(first_shown_text))
  if not shown then return end
  t.note('firstRequestToGhostTextMs', first_shown_ms - first_request_ms)

  t.accept_then_quick_fix('<Tab>', 'Tab (the README keymap) accepts it')
end)
