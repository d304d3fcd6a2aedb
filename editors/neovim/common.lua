-- What both Neovim drivers share (Lua 5.1 and Neovim 0.7's API, so that 0.7 can run it too):
-- a driver written as straight-line code in a coroutine that waits without blocking the editor,
-- the result file, and the LUKHAS quick fix a person picks from the code-action menu.
local M = {}

M.result = { checks = {}, notes = {}, phases = {} }

function M.now_ms()
  return (vim.loop or vim.uv).hrtime() / 1e6
end

local started = M.now_ms()
--- Notes how long after the driver's start a phase ended (printed by the test, to see where time goes).
function M.phase(name)
  table.insert(M.result.phases, string.format('%s %.0f ms', name, M.now_ms() - started))
end

function M.note(key, value)
  M.result.notes[key] = value
end

function M.check(name, ok, detail)
  table.insert(M.result.checks, { name = name, ok = ok and true or false, detail = detail and tostring(detail) or '' })
  return ok
end

local function finish(err)
  M.phase('end')
  M.result.error = err
  local file = io.open(vim.env.GPTOSS_E2E_RESULT, 'w')
  file:write(vim.fn.json_encode(M.result))
  file:close()
  vim.cmd('qall!')
end

local current
--- Waits `ms` while the editor goes on (keys typed with nvim_input are handled meanwhile).
function M.sleep(ms)
  local co = current
  vim.defer_fn(function()
    local ok, err = coroutine.resume(co)
    if not ok then finish(debug.traceback(co, err)) end
  end, ms)
  coroutine.yield()
end

--- Polls `condition` every 10 ms; returns its first truthy value, or nil after `timeout_ms`.
function M.wait_for(condition, timeout_ms)
  local deadline = M.now_ms() + timeout_ms
  while M.now_ms() < deadline do
    local value = condition()
    if value then return value end
    M.sleep(10)
  end
  return nil
end

--- Runs `steps` (a function) in a coroutine; writes the result file and quits when it ends or fails.
function M.run(steps)
  current = coroutine.create(function()
    steps()
    finish(nil)
  end)
  local ok, err = coroutine.resume(current)
  if not ok then finish(debug.traceback(current, err)) end
end

function M.line(n)
  return vim.api.nvim_buf_get_lines(0, n - 1, n, false)[1]
end

--- Waits for the README snippet to attach gptoss-ls to the current buffer; false if it never does.
function M.await_attach()
  local started = M.now_ms()
  local client = M.wait_for(function() return M.gptoss_client(0) end, 60000)
  if not M.check('the README snippet starts gptoss-ls for a Python file', client ~= nil) then return false end
  M.note('attachedAfterMs', M.now_ms() - started)
  M.phase('attached')
  return true
end

--- The gptoss-ls client attached to `bufnr` once it is initialized (0.7 lists only those).
function M.gptoss_client(bufnr)
  local clients = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = bufnr }) or vim.lsp.buf_get_clients(bufnr)
  for _, client in pairs(clients) do
    if client.name == 'gptoss-ls' and client.initialized then return client end
  end
end

--- Presses `key` to accept the suggestion shown at the end of line 6 of calc.py and checks that the
--- line then holds the fake's answer; then leaves insert mode and applies the LUKHAS quick fix.
function M.accept_then_quick_fix(key, how)
  vim.api.nvim_input(key)
  local expected = '    return ' .. vim.env.GPTOSS_E2E_ANSWER
  local line = M.wait_for(function() return M.line(6) == expected and expected end, 5000)
  M.check(how, line ~= nil, vim.inspect(M.line(6)))
  M.phase('suggestion accepted')
  vim.api.nvim_input('<Esc>')
  M.sleep(50)
  M.apply_quick_fix(vim.env.GPTOSS_E2E_LUKHAS_FILE, 'lukhas/unsorted-cache-key', 'sort_keys=True')
end

--- The diagnostic of `code` in the current buffer, once the server has published it.
function M.diagnostic(code)
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    if d.code == code or lsp.code == code then return d end
  end
end

--- Opens `file`, waits for the LUKHAS diagnostic `code`, asks for code actions on its line and picks
--- the quick fix for it from the menu, as a person would; returns once the buffer shows `fixed`.
function M.apply_quick_fix(file, code, fixed)
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local diagnostic = M.wait_for(function() return M.diagnostic(code) end, 30000)
  M.phase('diagnostics')
  if not M.check('the LUKHAS diagnostic ' .. code .. ' is shown', diagnostic ~= nil,
      #vim.diagnostic.get(0) .. ' diagnostics in ' .. vim.fn.fnamemodify(file, ':t')) then
    return
  end
  vim.api.nvim_win_set_cursor(0, { diagnostic.lnum + 1, diagnostic.col })
  local offered = {}
  local picked
  vim.ui.select = function(items, _, on_choice)
    for index, item in ipairs(items) do
      local action = item.action or item[2] -- 0.10+: {action, ctx}; 0.7: {client_id, action}
      table.insert(offered, action.title)
      for _, d in ipairs(action.diagnostics or {}) do
        if not picked and d.code == code and action.edit then picked = { item = item, index = index, title = action.title } end
      end
    end
    if picked then on_choice(picked.item, picked.index) else on_choice(nil, nil) end
  end
  vim.lsp.buf.code_action()
  M.wait_for(function() return #offered > 0 end, 10000)
  M.check('the code-action menu offers a quick fix for ' .. code, picked ~= nil, table.concat(offered, ' | '))
  if not picked then return end
  local line = M.wait_for(function()
    local text = M.line(diagnostic.lnum + 1)
    return text:find(fixed, 1, true) and text
  end, 10000)
  M.check('"' .. picked.title .. '" changes the line', line ~= nil, line or M.line(diagnostic.lnum + 1))
  M.phase('quick fix')
end

return M
