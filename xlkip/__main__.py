import sys

try:
    from xlkip.cli import main
except KeyboardInterrupt:  # Ctrl+C while starting up: the same word as at any other time
    sys.stderr.write("\nDibatalkan.\n")
    sys.exit(1)

main()
