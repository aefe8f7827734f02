from xlkip.cli import main

main()
