;;; drive.el --- Emacs with eglot, driven as a person would  -*- lexical-binding: t -*-

;; Loaded after the README's Emacs snippet (the user's init) by `emacs --batch'.  Opens
;; python/calc.py, types at the end of line 6, asks for completion (C-M-i) twice, the second time
;; more than a second after the start (eglot's first didChangeConfiguration comes in between),
;; then opens a LUKHAS sample and applies the quick fix picked from the code-action menu.  The
;; checks go to $GPTOSS_E2E_RESULT as JSON; Emacs exits when done.

(require 'cl-lib)
(require 'json)
(require 'flymake)

(defvar gptoss-e2e-checks nil)
(defvar gptoss-e2e-notes nil)
(defvar gptoss-e2e-answer (getenv "GPTOSS_E2E_ANSWER"))
(defvar gptoss-e2e-started (float-time))

(defun gptoss-e2e-check (name ok &optional detail)
  (push `((name . ,name) (ok . ,(if ok t :json-false)) (detail . ,(format "%s" (or detail ""))))
        gptoss-e2e-checks)
  ok)

(defun gptoss-e2e-note (key value)
  (push (cons key value) gptoss-e2e-notes))

(defun gptoss-e2e-finish (&optional error)
  (with-temp-file (getenv "GPTOSS_E2E_RESULT")
    (insert (json-encode `((checks . ,(vconcat (reverse gptoss-e2e-checks)))
                           (notes . ,(or gptoss-e2e-notes (make-hash-table)))
                           (error . ,error)))))
  (kill-emacs 0))

(defun gptoss-e2e-wait (condition seconds)
  "Process events until CONDITION returns non-nil (returned) or SECONDS pass (nil)."
  (let ((deadline (+ (float-time) seconds)) value)
    (while (and (not (setq value (funcall condition))) (< (float-time) deadline))
      (accept-process-output nil 0.02))
    value))

(defun gptoss-e2e-command (command &rest args)
  "Run COMMAND as a key binding would: its hooks run around it, as in the command loop."
  (run-hooks 'pre-command-hook)
  (let ((this-command command) (last-nonmenu-event ?\C-m))
    (if args (apply command args) (call-interactively command)))
  (run-hooks 'post-command-hook))

(defun gptoss-e2e-type (text)
  (dolist (char (string-to-list text))
    (let ((last-command-event char))
      (gptoss-e2e-command #'self-insert-command 1))))

(defun gptoss-e2e-line ()
  (buffer-substring-no-properties (line-beginning-position) (line-end-position)))

(defun gptoss-e2e-complete-at-end-of (line typed)
  "Type TYPED at the end of LINE, ask for completion, and return the line afterwards."
  (goto-char (point-min))
  (forward-line (1- line))
  (end-of-line)
  (gptoss-e2e-type typed)
  (gptoss-e2e-command #'completion-at-point)
  (gptoss-e2e-wait (lambda () (string-match-p (regexp-quote gptoss-e2e-answer) (gptoss-e2e-line))) 10)
  (gptoss-e2e-line))

(defun gptoss-e2e-diagnostic (code)
  (cl-find-if (lambda (d)
                (let ((lsp (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data d)))))
                  (equal (plist-get lsp :code) code)))
              (flymake-diagnostics)))

(defun gptoss-e2e-quick-fix (file code fixed)
  (find-file file)
  (run-hooks 'post-command-hook)
  ;; Flymake asks eglot for diagnostics once the buffer is displayed in a window; batch mode has no
  ;; display, so start it as that would.
  (gptoss-e2e-wait (lambda () eglot--managed-mode) 10)
  (flymake-start)
  (let ((diagnostic (gptoss-e2e-wait (lambda () (gptoss-e2e-diagnostic code)) 30)))
    (when (gptoss-e2e-check (format "the LUKHAS diagnostic %s is shown" code) diagnostic
                            (format "%d diagnostics" (length (flymake-diagnostics))))
      (goto-char (flymake-diagnostic-beg diagnostic))
      (let* ((offered nil) (picked nil)
             ;; The menu: eglot asks with completing-read, whose UI (icomplete, vertico, ...)
             ;; is this function; a person picks the quick fix for the diagnostic.
             (completing-read-function
              (lambda (_prompt collection &rest _)
                (dolist (entry collection)
                  (push (car entry) offered)
                  (when (and (not picked) (plist-get (cdr entry) :edit)
                             (cl-some (lambda (d) (equal (plist-get d :code) code))
                                      (plist-get (cdr entry) :diagnostics)))
                    (setq picked (car entry))))
                (or picked ""))))
        (ignore-errors (gptoss-e2e-command #'eglot-code-actions))
        (gptoss-e2e-check (format "the code-action menu offers a quick fix for %s" code) picked
                          (mapconcat #'identity (reverse offered) " | "))
        (when picked
          (gptoss-e2e-check (format "\"%s\" changes the line" picked)
                            (gptoss-e2e-wait (lambda () (string-match-p (regexp-quote fixed) (gptoss-e2e-line))) 10)
                            (gptoss-e2e-line)))))))

(defun gptoss-e2e-run ()
  (gptoss-e2e-note 'version emacs-version)
  (gptoss-e2e-note 'eglot (or (ignore-errors (pkg-info-version-info 'eglot))
                              (file-name-nondirectory (directory-file-name (file-name-directory (locate-library "eglot"))))))
  (find-file "python/calc.py")
  ;; The command that opened the file ends here; eglot-ensure connects after it.
  (run-hooks 'post-command-hook)
  (let ((server (gptoss-e2e-wait (lambda () (and (eglot-current-server) eglot--managed-mode (eglot-current-server))) 60)))
    (when (gptoss-e2e-check "the README snippet starts gptoss-ls for a Python file" server)
      (gptoss-e2e-note 'attachedAfterMs (* 1000 (- (float-time) gptoss-e2e-started)))
      (let ((line (gptoss-e2e-complete-at-end-of 6 "return ")))
        (gptoss-e2e-check "completion-at-point (C-M-i) inserts the fake model's answer"
                          (equal line (concat "    return " gptoss-e2e-answer)) line)
        ;; eglot sends its workspace configuration once connected; a second suggestion a while
        ;; later must still come from the configured endpoint.
        (gptoss-e2e-wait (lambda () nil) (max 0 (- 2.0 (- (float-time) gptoss-e2e-started))))
        (gptoss-e2e-command #'end-of-line)
        (gptoss-e2e-command #'newline)
        (gptoss-e2e-command #'delete-horizontal-space)
        (gptoss-e2e-type "    ")
        ;; Not `return ' again: a suggestion that only repeats the line above is dropped.
        (let ((line (gptoss-e2e-complete-at-end-of 7 "total = ")))
          (gptoss-e2e-check "a second completion, 2 s after the start, inserts it too"
                            (equal line (concat "    total = " gptoss-e2e-answer)) line)))
      (gptoss-e2e-quick-fix (getenv "GPTOSS_E2E_LUKHAS_FILE") "lukhas/unsorted-cache-key" "sort_keys=True"))))

(condition-case err
    (progn (gptoss-e2e-run) (gptoss-e2e-finish))
  (error (gptoss-e2e-finish (format "%S" err))))

;;; drive.el ends here
