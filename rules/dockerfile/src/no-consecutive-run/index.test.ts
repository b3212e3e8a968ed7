import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('no-consecutive-run', rule, {
  valid: [
    'FROM debian:12\nRUN /setup.sh\nWORKDIR /app\nRUN /build.sh\n',
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN /build.sh\n',
    'FROM debian:12\nRUN --mount=type=secret,id=npm npm ci\nRUN npm run build\n',
    'FROM debian:12\nRUN /a.sh\nFROM debian:12\nRUN /b.sh\n',
    {
      // Corpus: StefanScherer/dockerfiles-windows dotnet/Dockerfile:13. RUN goes to cmd on a Windows
      // image, where `&&` chains commands as in sh.
      name: 'cmd chains on a Windows image',
      code:
        '# escape=`\nFROM mcr.microsoft.com/windows:1809\nRUN curl -fSLo installer.exe https://example.com/ndp48.exe `\n    && .\\installer.exe /q `\n    && del .\\installer.exe\n' +
        'RUN curl -fSLo patch.msu https://example.com/kb.msu `\n    && mkdir patch\n',
    },
    {
      name: 'PowerShell separates with ; and pipes; quoted separators do not count',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN New-Item -Type Directory C:\\app ; Get-ChildItem C:\\\nRUN Write-Host "a;b" \'c|d\'\nRUN Get-Process | Out-Null\nRUN cmd /c "x & y"\n',
    },
  ],
  invalid: [
    {
      // Corpus: StefanScherer/dockerfiles-windows compose/in-docker/Dockerfile:10. Joining is left to a
      // person: the suggestion writes sh syntax.
      name: 'single commands under cmd on a Windows image',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2019\nRUN choco install -y docker-cli\nRUN choco install -y python -version 3.7.5\nRUN cmd /c "a && b" ^& echo c\n',
      errors: [
        { messageId: 'consecutiveRun', line: 3, column: 1, endLine: 3, endColumn: 4, suggestions: [] },
        { messageId: 'consecutiveRun', line: 4, column: 1, endLine: 4, endColumn: 4, suggestions: [] },
      ],
      output: null,
    },
    {
      code: 'FROM debian:12\nRUN /setup.sh\nRUN /build.sh\n',
      errors: [
        {
          messageId: 'consecutiveRun',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 4,
          suggestions: [{ messageId: 'joinRuns', output: 'FROM debian:12\nRUN /setup.sh && \\\n    /build.sh\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'equal flags; a comment between them is kept, so no suggestion',
      code: 'FROM debian:12\nRUN --mount=type=cache,target=/root/.cache pip install a\n# then b\nRUN --mount=type=cache,target=/root/.cache pip install b\n',
      errors: [{ messageId: 'consecutiveRun', line: 4, column: 1, endLine: 4, endColumn: 4, suggestions: [] }],
      output: null,
    },
    {
      name: 'three in a row; exec form is reported without a suggestion; the escape directive is used',
      code: '# escape=`\nFROM debian:12\nRUN /a.sh\nRUN /b.sh\nRUN ["/c.sh"]\n',
      errors: [
        {
          messageId: 'consecutiveRun',
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 4,
          suggestions: [{ messageId: 'joinRuns', output: '# escape=`\nFROM debian:12\nRUN /a.sh && `\n    /b.sh\nRUN ["/c.sh"]\n' }],
        },
        { messageId: 'consecutiveRun', line: 5, column: 1, endLine: 5, endColumn: 4, suggestions: [] },
      ],
      output: null,
    },
  ],
});
