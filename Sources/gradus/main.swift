Gradus.main()
