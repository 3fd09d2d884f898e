from hakam.cli import main

raise SystemExit(main())
