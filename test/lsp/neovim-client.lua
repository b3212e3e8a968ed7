-- Drives Neovim's built-in LSP client (0.7+: vim.lsp.start_client + vim.lsp.buf_attach_client) against
-- the server, headless: open a Dockerfile, wait for diagnostics, apply a quick fix through a code
-- action, wait for the re-lint. Writes what it saw as JSON to $DOCMIND_NVIM_OUT, then quits.
local out = os.getenv('DOCMIND_NVIM_OUT')
local cmd = vim.fn.json_decode(os.getenv('DOCMIND_NVIM_SERVER_CMD'))
local root = os.getenv('DOCMIND_NVIM_ROOT')
local file = os.getenv('DOCMIND_NVIM_FILE')

local function write(result)
  vim.fn.writefile({ vim.fn.json_encode(result) }, out)
end

local function codes(bufnr)
  local found = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = diagnostic.user_data and diagnostic.user_data.lsp or {}
    table.insert(found, {
      code = lsp.code or vim.NIL,
      lnum = diagnostic.lnum,
      col = diagnostic.col,
      end_lnum = diagnostic.end_lnum,
      end_col = diagnostic.end_col,
      severity = diagnostic.severity,
      source = diagnostic.source or vim.NIL,
      message = diagnostic.message,
    })
  end
  table.sort(found, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  return found
end

local function has_code(bufnr, code)
  for _, diagnostic in ipairs(codes(bufnr)) do
    if diagnostic.code == code then return true end
  end
  return false
end

local function run()
  local client_id = vim.lsp.start_client({
    name = 'docmind-docker-lint',
    cmd = cmd.args,
    cmd_cwd = cmd.cwd,
    root_dir = root,
    settings = { ['docmind-docker-lint'] = { debounce = 0 } },
  })
  assert(client_id, 'the client did not start')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'dockerfile'
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'could not attach the client')

  assert(vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50), 'no diagnostics arrived')
  local before = codes(bufnr)

  local pin
  for _, diagnostic in ipairs(before) do
    if diagnostic.code == 'python-version-pin' then pin = diagnostic end
  end
  assert(pin, 'no python-version-pin diagnostic')
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    range = { start = { line = pin.lnum, character = pin.col }, ['end'] = { line = pin.end_lnum, character = pin.end_col } },
    context = { diagnostics = {}, only = { 'quickfix' } },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000) or {}
  local titles, chosen = {}, nil
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do
      table.insert(titles, action.title)
      if action.title == 'Fix this python-version-pin problem' then chosen = action end
    end
  end
  assert(chosen, 'no quick fix for python-version-pin')
  vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')

  assert(vim.wait(20000, function() return not has_code(bufnr, 'python-version-pin') end, 50), 'the fixed problem did not go away')
  local client = vim.lsp.get_client_by_id(client_id)
  write({
    server = client and client.server_capabilities and client.initialized and 'initialized' or vim.NIL,
    before = before,
    titles = titles,
    first_line = vim.api.nvim_buf_get_lines(bufnr, 0, 1, false)[1],
    after = codes(bufnr),
  })
  vim.lsp.stop_client(client_id)
end

local ok, err = pcall(run)
if not ok then
  write({ error = tostring(err) })
end
vim.cmd('qa!')
