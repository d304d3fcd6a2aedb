HELP = """
try:
    run()
except:
    pass
"""

# try:
#     run()
# except:
#     pass

EXAMPLE = "except: pass"
