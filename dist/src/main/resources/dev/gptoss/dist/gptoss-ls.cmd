@echo off
rem gptoss-ls: the language server, run on the Java runtime that comes with it (..\lib\runtime).
set CLASSPATH=
"%~dp0..\lib\runtime\bin\java.exe" dev.gptoss.ls.Main %*
