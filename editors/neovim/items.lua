-- Neovim 0.7 (no inline completion) with the README's 0.7 snippet as init.lua: type at the end of
-- line 6 of calc.py, ask for completion with Ctrl-x Ctrl-o (the snippet sets omnifunc), see the
-- fake's answer in the menu and accept it; then apply a LUKHAS quick fix.
local t = dofile(vim.env.GPTOSS_E2E_DRIVERS .. '/common.lua')
local answer = vim.env.GPTOSS_E2E_ANSWER

local v = vim.version()
t.note('version', v.major .. '.' .. v.minor .. '.' .. v.patch)

t.run(function()
  if not t.await_attach() then return end
  t.check('omnifunc is the LSP one', vim.bo.omnifunc == 'v:lua.vim.lsp.omnifunc', vim.bo.omnifunc)

  vim.api.nvim_win_set_cursor(0, { 6, 0 })
  vim.api.nvim_input('Areturn ')
  t.wait_for(function() return vim.fn.mode() == 'i' and t.line(6) == '    return ' end, 5000)
  vim.api.nvim_input('<C-x><C-o>')
  local words = t.wait_for(function()
    local items = vim.fn.complete_info({ 'items' }).items
    if #items == 0 then return nil end
    local list = {}
    for _, item in ipairs(items) do table.insert(list, item.word) end
    return list
  end, 30000) or {}
  t.check('the completion menu offers the fake model\'s answer', vim.tbl_contains(words, answer),
    table.concat(words, ' | '))

  -- The first item is already inserted (completeopt=menu,preview); Ctrl-y keeps it.
  t.accept_then_quick_fix('<C-y>', 'accepting it puts it in the line')
end)
